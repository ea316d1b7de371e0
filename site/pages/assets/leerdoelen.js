// The print buttons (groep pages, school checklists). A listener here rather than an
// onclick attribute: the site has no inline event handlers at all, so that any that
// showed up would stand out (tests/test_injectie.py).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest(".leerdoelen-print")) {
    window.print();
  }
});
