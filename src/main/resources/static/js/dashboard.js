// The command dashboard's risk map and trend chart. The map is an ECharts geo component
// over a boundary file the platform ships (no tile server); schools are points coloured by
// risk band. Tooltips are HTML, so names go through hxay.escapeHtml.
(function () {
  if (!window.echarts) { return; }
  var esc = window.hxay.escapeHtml;

  var mapBox = document.getElementById('risk-map');
  if (mapBox) {
    var data = JSON.parse(mapBox.dataset.map);
    var base = mapBox.dataset.base || '/';
    var chart = echarts.init(mapBox);
    var series = [{
      type: 'scatter', coordinateSystem: 'geo', symbolSize: 7,
      data: data.points.map(function (p) {
        return { name: p.name, value: [p.lng, p.lat, p.score], id: p.id, band: p.band, itemStyle: { color: p.colour } };
      })
    }];
    var draw = function (withOutline) {
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: function (p) {
          if (!p.data || p.data.id === undefined) { return esc(p.name); }
          return esc(p.data.name) + '<br>风险分 ' + esc(p.data.value[2]) + '（' + esc(p.data.band) + '）';
        } },
        geo: withOutline
          ? { map: 'hxay-area', roam: true, layoutCenter: ['50%', '50%'], layoutSize: '95%', label: { show: true, color: '#555' }, itemStyle: { areaColor: '#f4f6f8', borderColor: '#8a9ba8' } }
          : { map: 'hxay-points', roam: true, layoutCenter: ['50%', '50%'], layoutSize: '95%', silent: true, itemStyle: { areaColor: '#fff', borderColor: '#fff' } },
        series: series
      });
    };
    chart.on('click', function (p) {
      if (p.data && p.data.id !== undefined) {
        window.location.href = base + 'dashboard/schools/' + encodeURIComponent(p.data.id) + '/risk';
      }
    });
    fetch(base.replace(/\/$/, '') + data.boundary, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('no outline'); } return r.json(); })
      .then(function (geo) { echarts.registerMap('hxay-area', geo); draw(true); })
      .catch(function () {
        // no outline for this area: a blank canvas fitted to the points
        var lng = data.points.map(function (p) { return p.lng; });
        var lat = data.points.map(function (p) { return p.lat; });
        var box = lng.length ? [Math.min.apply(null, lng) - 0.05, Math.min.apply(null, lat) - 0.05, Math.max.apply(null, lng) + 0.05, Math.max.apply(null, lat) + 0.05] : [73, 18, 135, 53];
        echarts.registerMap('hxay-points', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '' },
          geometry: { type: 'Polygon', coordinates: [[[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]], [box[0], box[1]]]] } }] });
        draw(false);
      });
  }

  var trend = document.getElementById('trend-chart');
  if (trend) {
    var t = JSON.parse(trend.dataset.chart);
    echarts.init(trend).setOption({
      animation: false, legend: { top: 0 },
      tooltip: { trigger: 'axis', formatter: function (params) {
        var list = Array.isArray(params) ? params : [params];
        if (!list.length) { return ''; }
        return esc(list[0].name) + list.map(function (p) {
          return '<br>' + p.marker + esc(p.seriesName) + '：' + (p.value == null ? '—' : esc(p.value) + '%');
        }).join('');
      } },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: t.days }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: '达标率', type: 'line', data: t.compliance },
        { name: '隐患整改率', type: 'line', data: t.rectification },
        { name: '设备联网率', type: 'line', data: t.networking }
      ]
    });
  }
})();
