// A page's print button (the content security policy allows no inline handlers).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
