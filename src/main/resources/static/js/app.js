// Behaviour shared by every page. The Content-Security-Policy allows no inline script, so
// pages carry data and switches in data-* attributes and this file acts on them.
(function () {
  // Escapes text for markup built in JavaScript (chart tooltips): every user value passes here.
  function escapeHtml(value) {
    return value == null ? '' : String(value).replace(/[&<>"'`=\/]/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }
  window.hxay = { escapeHtml: escapeHtml };

  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // <form data-confirm="…">: asks before submitting.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // <form data-busy-text="…">: while a slow upload runs, the button shows a spinner and the text.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.dataset || !form.dataset.busyText) { return; }
    var button = form.querySelector('button[type=submit]');
    if (!button) { return; }
    button.disabled = true;
    var spinner = document.createElement('span');
    spinner.className = 'spinner-border spinner-border-sm me-1';
    spinner.setAttribute('aria-hidden', 'true');
    button.replaceChildren(spinner, document.createTextNode(form.dataset.busyText));
  });

  // <select data-navigate="param">: choosing an option opens ?param=value.
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (select.dataset && select.dataset.navigate) {
      location.href = '?' + encodeURIComponent(select.dataset.navigate) + '=' + encodeURIComponent(select.value);
    }
  });
})();
