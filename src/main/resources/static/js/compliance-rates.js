// The rates chart: bars per area and metric, drawn from the data-chart attribute (JSON rendered by the server).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('rates-chart');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.dataset.chart);
  echarts.init(el).setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: data.areas }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: data.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values }; })
  });
});
