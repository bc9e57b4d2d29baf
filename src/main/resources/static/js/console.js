// 110 console: keeps the queue of open alarms live from the server-sent-event feed,
// sounds and flashes new alarms, and colours each one by how long it has waited.
(function () {
  var alarms = new Map();
  var rows = document.getElementById('alarm-rows');
  var empty = document.getElementById('queue-empty');
  var status = document.getElementById('feed-status');
  // the sound setting holds on every page (alarm-watch.js reads it too)
  var SOUND = 'hxay.alarmSound';
  var soundOn = localStorage.getItem(SOUND) === 'on';
  var audio = null;
  var fresh = new Set();

  JSON.parse(document.getElementById('initial-queue').textContent).forEach(function (a) { alarms.set(a.id, a); });

  var toggle = document.getElementById('sound-toggle');
  toggle.textContent = soundOn ? '关闭报警声音' : '开启报警声音';
  toggle.addEventListener('click', function () {
    soundOn = !soundOn;
    localStorage.setItem(SOUND, soundOn ? 'on' : 'off');
    if (soundOn && !audio) { audio = new (window.AudioContext || window.webkitAudioContext)(); }
    toggle.textContent = soundOn ? '关闭报警声音' : '开启报警声音';
  });
  // browsers let a page make sound only after the user touched it
  document.addEventListener('click', function () {
    if (soundOn && !audio) { audio = new (window.AudioContext || window.webkitAudioContext)(); }
  });

  function beep() {
    if (!soundOn || !audio) { return; }
    [0, 0.35, 0.7].forEach(function (at) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 960;
      osc.connect(gain);
      gain.connect(audio.destination);
      gain.gain.setValueAtTime(0.2, audio.currentTime + at);
      osc.start(audio.currentTime + at);
      osc.stop(audio.currentTime + at + 0.25);
    });
  }

  function waitClass(a, seconds) {
    if (a.state !== 'NEW') { return a.state === 'ACKNOWLEDGED' ? 'table-warning' : 'table-info'; }
    if (a.escalationLevel > 0 || seconds >= 120) { return 'alarm-wait-3'; }
    if (seconds >= 60) { return 'alarm-wait-2'; }
    if (seconds >= 30) { return 'alarm-wait-1'; }
    return 'alarm-wait-0';
  }

  function text(value) { return value == null ? '' : String(value); }

  // The rows are rebuilt only when the queue itself changes (an alarm arrives, moves on or
  // leaves); every second only the waiting times and colours change in place, so a row
  // never disappears under the dispatcher's click.
  var shown = '';

  function render() {
    var now = Date.now();
    var open = Array.from(alarms.values()).filter(function (a) { return a.open; });
    open.sort(function (x, y) { return x.priority - y.priority || x.receivedAtMillis - y.receivedAtMillis || x.id - y.id; });
    var key = open.map(function (a) { return a.id + ':' + a.version + ':' + (fresh.has(a.id) ? 1 : 0); }).join(',');
    if (key !== shown) {
      shown = key;
      rows.replaceChildren();
      open.forEach(function (a) {
        var tr = document.createElement('tr');
        tr.dataset.alarmId = a.id;
        tr.style.cursor = 'pointer';
        [a.priority, a.typeLabel, a.siteName || a.schoolName, a.place, new Date(a.receivedAtMillis).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
          '', a.stateLabel + (a.escalationLevel > 0 ? ' ⚠升级' : '')].forEach(function (value) {
          var td = document.createElement('td');
          td.textContent = text(value);
          tr.appendChild(td);
        });
        tr.addEventListener('click', function () {
          fresh.delete(a.id);
          htmx.ajax('GET', '/console/alarms/' + a.id, '#alarm-detail');
        });
        rows.appendChild(tr);
      });
    }
    Array.from(rows.children).forEach(function (tr, i) {
      var a = open[i];
      var seconds = Math.max(0, Math.floor((now - a.receivedAtMillis) / 1000));
      var className = 'alarm-row ' + waitClass(a, seconds) + (fresh.has(a.id) ? ' alarm-flash' : '');
      if (tr.className !== className) { tr.className = className; }
      tr.children[5].textContent = seconds + ' 秒';
    });
    empty.style.display = open.length ? 'none' : '';
  }

  function connect() {
    var source = new EventSource('/console/stream');
    source.addEventListener('hello', function () {
      status.textContent = '实时';
      status.className = 'badge bg-success';
      // whatever arrived before the feed opened
      fetch('/console/queue', { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (list) {
          list.forEach(function (a) {
            var known = alarms.get(a.id);
            if (!known || known.version < a.version) { alarms.set(a.id, a); }
          });
          render();
        });
    });
    source.addEventListener('alarm', function (event) {
      var a = JSON.parse(event.data);
      var known = alarms.get(a.id);
      if (known && known.version >= a.version) { return; }
      if (!known && a.state === 'NEW') { fresh.add(a.id); beep(); }
      alarms.set(a.id, a);
      render();
    });
    source.onerror = function () {
      status.textContent = '重连中…';
      status.className = 'badge bg-warning text-dark';
    };
  }

  // The alarm's school on a location sketch, drawn whenever htmx swaps a panel with one in.
  // Its tooltip is HTML, so the school names are escaped.
  function drawSketch() {
    var el = document.getElementById('alarm-map');
    if (!el || el.dataset.drawn || !window.echarts) { return; }
    el.dataset.drawn = 'true';
    var m = JSON.parse(el.dataset.map);
    var name = function (p) { return hxay.escapeHtml(p.value[2]); };
    echarts.init(el).setOption({
      animation: false, grid: { left: 45, right: 10, top: 10, bottom: 25 },
      tooltip: { formatter: name },
      xAxis: { type: 'value', scale: true, name: '经度', axisLabel: { fontSize: 9 } },
      yAxis: { type: 'value', scale: true, name: '纬度', axisLabel: { fontSize: 9 } },
      series: [
        { type: 'scatter', data: m.others, symbolSize: 6, itemStyle: { color: '#adb5bd' } },
        { type: 'effectScatter', data: [m.here], symbolSize: 14, itemStyle: { color: '#d63939' },
          // drawn on the canvas as plain text, not HTML
          label: { show: true, formatter: function (p) { return String(p.value[2]); }, position: 'right', fontSize: 11 } }
      ]
    });
  }
  document.body.addEventListener('htmx:afterSettle', drawSketch);

  render();
  setInterval(render, 1000);
  connect();
})();
