// The campaign dashboard chart: progress per county, from the data-chart attribute (no inline script).
(function () {
  var el = document.getElementById('progress-chart');
  if (!el || !window.echarts) { return; }
  var d = JSON.parse(el.dataset.chart);
  echarts.init(el).setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: d.regions }, yAxis: { type: 'value' },
    series: [
      { name: '已验收', type: 'bar', stack: 's', data: d.accepted, itemStyle: { color: '#2fb344' } },
      { name: '待验收', type: 'bar', stack: 's', data: d.waiting, itemStyle: { color: '#4299e1' } },
      { name: '已退回', type: 'bar', stack: 's', data: d.returned, itemStyle: { color: '#f59f00' } },
      { name: '未提交', type: 'bar', stack: 's', data: d.open, itemStyle: { color: '#adb5bd' } }
    ]
  });
})();
