// Copy buttons: <button class="m-copy" data-copy="text">. The clipboard API needs a secure page; elsewhere
// (the demo on http) the text is selected in a scratch field and copied the old way.
document.addEventListener('click', function (event) {
  var button = event.target.closest('.m-copy');
  if (!button) {
    return;
  }
  var text = button.getAttribute('data-copy');
  var done = function () { button.classList.add('copied'); setTimeout(function () { button.classList.remove('copied'); }, 1500); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
    return;
  }
  var scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.style.position = 'absolute';
  scratch.style.left = '-9999px';
  document.body.appendChild(scratch);
  scratch.select();
  try { document.execCommand('copy'); done(); } finally { document.body.removeChild(scratch); }
});
