// Progressive enhancement (WCAG 2.2.1): two minutes before the idle timeout, show a warning that takes
// focus and offers to extend the session. Without JavaScript the page states the timeout in words.
(function () {
  'use strict';
  var region = document.getElementById('session-timeout');
  var warning = document.getElementById('session-timeout-warning');
  if (!region || !warning || !window.fetch) return;
  var form = warning.querySelector('form');
  var warnBeforeMs = 2 * 60 * 1000;
  var timer;

  function schedule(expiresAt) {
    clearTimeout(timer);
    var delay = new Date(expiresAt).getTime() - Date.now() - warnBeforeMs;
    timer = setTimeout(
      function () {
        warning.hidden = false;
        warning.focus();
      },
      Math.max(delay, 0),
    );
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = form.querySelector('input[name="_csrf"]').value;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'x-csrf-token': token },
    })
      .then(function (response) {
        if (!response.ok) throw new Error('extend failed');
        return response.json();
      })
      .then(function (body) {
        warning.hidden = true;
        schedule(body.expiresAt);
      })
      .catch(function () {
        form.submit();
      });
  });

  schedule(region.getAttribute('data-expires-at'));
})();
