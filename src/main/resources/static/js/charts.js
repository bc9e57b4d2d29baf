// Draws the ECharts charts of a page from the data the server put in data-* attributes.
// Tooltips are HTML, so every name and value in them goes through hxay.escapeHtml.
(function () {
  if (!window.echarts) { return; }
  var esc = window.hxay.escapeHtml;

  // one line per series under the category name, for tooltips triggered on an axis
  function axisTooltip(unit) {
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      if (!list.length) { return ''; }
      return esc(list[0].name) + list.map(function (p) {
        return '<br>' + p.marker + esc(p.seriesName) + '：' + esc(p.value) + (unit || '');
      }).join('');
    };
  }

  var byRegion = document.getElementById('chart-by-region');
  if (byRegion) {
    // the counties as a hidden list next to the chart: names as text, counts in data-value
    var counties = Array.from(document.querySelectorAll('#chart-by-region-data li'));
    echarts.init(byRegion).setOption({
      animation: false, tooltip: { trigger: 'axis', formatter: axisTooltip('') },
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: counties.map(function (li) { return li.textContent; }) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: '学校数', data: counties.map(function (li) { return Number(li.dataset.value); }), itemStyle: { color: '#0d6efd' } }]
    });
  }

  var rates = document.getElementById('rates-chart');
  if (rates) {
    var data = JSON.parse(rates.dataset.chart);
    echarts.init(rates).setOption({
      animation: false, tooltip: { trigger: 'axis', formatter: axisTooltip('%') }, legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: data.areas }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: data.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values }; })
    });
  }

  var progress = document.getElementById('progress-chart');
  if (progress) {
    var d = JSON.parse(progress.dataset.chart);
    echarts.init(progress).setOption({
      animation: false, tooltip: { trigger: 'axis', formatter: axisTooltip('') }, legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: d.regions }, yAxis: { type: 'value' },
      series: [
        { name: '已验收', type: 'bar', stack: 's', data: d.accepted, itemStyle: { color: '#2fb344' } },
        { name: '待验收', type: 'bar', stack: 's', data: d.waiting, itemStyle: { color: '#4299e1' } },
        { name: '已退回', type: 'bar', stack: 's', data: d.returned, itemStyle: { color: '#f59f00' } },
        { name: '未提交', type: 'bar', stack: 's', data: d.open, itemStyle: { color: '#adb5bd' } }
      ]
    });
  }
})();
