// 护学岗 check-in and check-out: the phone's position (browser geolocation) goes into the
// form's hidden fields; when the phone gives none the typed place is asked for instead.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form.geo-form');
  if (!forms.length) {
    return;
  }
  var status = document.getElementById('geo-status');
  function say(text, ok) {
    if (status) {
      status.textContent = text;
      status.className = 'alert py-2 small ' + (ok ? 'alert-success' : 'alert-warning');
    }
  }
  if (!navigator.geolocation) {
    say('此设备不支持定位，请填写所在位置。', false);
    return;
  }
  navigator.geolocation.getCurrentPosition(function (pos) {
    var lat = pos.coords.latitude.toFixed(6);
    var lon = pos.coords.longitude.toFixed(6);
    forms.forEach(function (form) {
      var a = form.querySelector('.geo-lat');
      var b = form.querySelector('.geo-lon');
      var c = form.querySelector('.geo-acc');
      if (a && b) {
        a.value = lat;
        b.value = lon;
      }
      if (c) {
        c.value = Math.round(pos.coords.accuracy);
      }
    });
    say('已定位：' + lat + ', ' + lon + '（±' + Math.round(pos.coords.accuracy) + ' 米）', true);
  }, function () {
    say('未获取到定位，请填写所在位置（如“南门东侧”）。', false);
  }, { enableHighAccuracy: true, timeout: 8000, maximumAge: 60000 });
}());
