// For police users, on every page but the console itself: listens to the console's live
// feed and announces each new alarm of the user's jurisdiction once (a banner that opens
// the console, and the alarm sound when it is switched on). The sound setting is the
// console's own, kept in localStorage so that it holds on every page.
(function () {
  if (document.getElementById('alarm-queue') || !window.EventSource) { return; }
  var SOUND = 'hxay.alarmSound';
  var ANNOUNCED = 'hxay.alarmsAnnounced';
  var audio = null;

  function soundOn() { return localStorage.getItem(SOUND) === 'on'; }

  function announced() {
    try { return JSON.parse(localStorage.getItem(ANNOUNCED) || '[]'); } catch (e) { return []; }
  }

  function remember(id) {
    var ids = announced().filter(function (x) { return x !== id; });
    ids.push(id);
    localStorage.setItem(ANNOUNCED, JSON.stringify(ids.slice(-200)));
  }

  // browsers let a page make sound only after the user touched it
  document.addEventListener('click', function () {
    if (soundOn() && !audio) { audio = new (window.AudioContext || window.webkitAudioContext)(); }
  });

  function beep() {
    if (!soundOn() || !audio) { return; }
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

  function box() {
    var el = document.getElementById('alarm-announcements');
    if (!el) {
      el = document.createElement('div');
      el.id = 'alarm-announcements';
      el.setAttribute('role', 'alert');
      el.style.cssText = 'position:fixed;top:4rem;right:1rem;z-index:1080;max-width:26rem';
      document.body.appendChild(el);
    }
    return el;
  }

  function announce(a) {
    var note = document.createElement('div');
    note.className = 'alert alert-danger shadow d-flex align-items-start gap-2 alarm-announcement';
    note.dataset.alarmId = a.id;
    note.innerHTML = '<div class="flex-grow-1"><strong>新报警：' + hxay.escapeHtml(a.typeLabel) + '</strong><br>'
      + hxay.escapeHtml(a.siteName || a.schoolName) + ' · ' + hxay.escapeHtml(a.place)
      + '<br><a class="alert-link" href="/console">打开接处警台</a></div>'
      + '<button type="button" class="btn-close" aria-label="关闭"></button>';
    note.querySelector('.btn-close').addEventListener('click', function () { note.remove(); tidy(); });
    box().appendChild(note);
    tidy();
    beep();
  }

  // a phone shows only the newest banner, a desk three, so that banners never bury the page
  // they are on; the older ones are counted in one line that opens the console
  function tidy() {
    var el = box();
    var keep = window.matchMedia('(max-width: 575.98px)').matches ? 1 : 3;
    var notes = el.querySelectorAll('.alarm-announcement');
    var hidden = 0;
    for (var i = 0; i < notes.length; i++) {
      var visible = i >= notes.length - keep;
      notes[i].classList.toggle('d-none', !visible);
      if (!visible) { hidden++; }
    }
    var more = document.getElementById('alarm-announcements-more');
    if (hidden === 0) {
      if (more) { more.remove(); }
      return;
    }
    if (!more) {
      more = document.createElement('a');
      more.id = 'alarm-announcements-more';
      more.href = '/console';
      more.className = 'd-block alert alert-danger py-1 px-2 mb-2 small shadow';
      el.insertBefore(more, el.firstChild);
    }
    more.textContent = '另有 ' + hidden + ' 条新报警 · 打开接处警台';
  }

  var source = new EventSource('/console/stream');
  source.addEventListener('hello', function () { document.documentElement.dataset.alarmWatch = 'live'; });
  source.addEventListener('alarm', function (event) {
    var a = JSON.parse(event.data);
    if (a.state !== 'NEW' || announced().indexOf(a.id) >= 0) { return; }
    remember(a.id);
    announce(a);
  });
  window.addEventListener('pagehide', function () { source.close(); });
})();
