// Alarm statistics charts (by type, by outcome), drawn from the tables beside them: each
// row's first cell is the name (as text), its data-value the count, so a chart shows
// exactly the list. Tooltips are HTML: names and values go through hxay.escapeHtml.
(function () {
  if (!window.echarts) { return; }
  var esc = window.hxay.escapeHtml;

  function rows(tableId) {
    return Array.from(document.querySelectorAll('#' + tableId + ' tr[data-value]')).map(function (tr) {
      return { name: tr.cells[0].textContent, value: Number(tr.dataset.value) };
    });
  }

  function tooltip(p) {
    return esc(p.name) + '：' + esc(p.value) + ' 起' + (p.percent != null ? '（' + esc(p.percent) + '%）' : '');
  }

  var byType = document.getElementById('chart-by-type');
  if (byType) {
    var types = rows('by-type');
    echarts.init(byType).setOption({
      animation: false, tooltip: { trigger: 'item', formatter: tooltip },
      grid: { left: 40, right: 10, top: 10, bottom: 30 },
      xAxis: { type: 'category', data: types.map(function (t) { return t.name; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '报警数', data: types.map(function (t) { return t.value; }), itemStyle: { color: '#dc3545' } }]
    });
  }

  var byOutcome = document.getElementById('chart-by-outcome');
  if (byOutcome) {
    echarts.init(byOutcome).setOption({
      animation: false, tooltip: { trigger: 'item', formatter: tooltip },
      series: [{ type: 'pie', name: '处置结果', radius: ['35%', '70%'], data: rows('by-outcome'), label: { formatter: '{b}' } }]
    });
  }
})();
