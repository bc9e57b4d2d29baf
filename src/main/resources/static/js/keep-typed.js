// Never drop what a person typed: a form marked data-keep-typed refuses to submit while another such form on
// the page holds text that would be lost, and says which one. The server keeps what it receives on errors.
(function () {
  'use strict';
  var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-keep-typed]'));
  function changed(form) {
    return Array.prototype.some.call(form.elements, function (el) {
      if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button' || !el.name) { return false; }
      if (el.type === 'checkbox' || el.type === 'radio') { return el.checked !== el.defaultChecked; }
      if (el.tagName === 'SELECT') {
        return Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      return el.value !== el.defaultValue;
    });
  }
  forms.forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var other = forms.filter(function (f) { return f !== form && changed(f); })[0];
      if (!other) { return; }
      event.preventDefault();
      var note = form.querySelector('.keep-typed-note');
      if (!note) {
        note = document.createElement('div');
        note.className = 'keep-typed-note alert alert-warning small mt-2';
        note.setAttribute('role', 'alert');
        form.appendChild(note);
      }
      note.textContent = '“' + (other.getAttribute('data-keep-typed') || '其他栏目') +
        '”中有尚未保存的内容，请先保存或清空后再办理此项。';
    });
  });
})();
