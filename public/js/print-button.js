// Progressive enhancement only: the page already says how to print with the browser. With script, the
// hidden "Print" button is shown and opens the browser's print dialog.
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-print-button]');
  for (var i = 0; i < buttons.length; i += 1) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
})();
