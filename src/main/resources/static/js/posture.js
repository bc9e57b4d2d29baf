// The posture page: a refused ID-number reveal (no reason given) shows its message in place.
document.addEventListener('htmx:beforeSwap', function (event) {
  if (event.detail.xhr.status === 400 && event.detail.elt.hasAttribute('data-reveal')) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
