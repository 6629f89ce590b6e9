// Live preview on the branding page: redraws the preview box from the form as the admin types.
(function () {
  var preview = document.getElementById('preview');
  if (!preview) { return; }
  // the saved colours come as data attributes: a style attribute would need 'unsafe-inline' in the CSP
  preview.style.setProperty('--m-primary', preview.getAttribute('data-primary'));
  preview.style.setProperty('--m-accent', preview.getAttribute('data-accent'));
  function bind(kind, apply) {
    var input = document.querySelector('[data-preview="' + kind + '"]');
    if (!input) { return; }
    var update = function () { apply(input.value); };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  }
  bind('name', function (v) { document.getElementById('preview-name').textContent = v; });
  bind('footer', function (v) { document.getElementById('preview-footer').textContent = v; });
  bind('primary', function (v) { preview.style.setProperty('--m-primary', v); });
  bind('accent', function (v) { preview.style.setProperty('--m-accent', v); });
}());
