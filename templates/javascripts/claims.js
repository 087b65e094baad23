// quotebrief: a claim's copy-link control copies the claim's whole address (its permalink,
// <brief>#claim-<id>) to the clipboard; without javascript, or when the clipboard is refused,
// it is a plain link to the claim.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.qb-permalink");
  if (!link || !navigator.clipboard || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(function () {
    link.classList.add("qb-copied");
    link.setAttribute("aria-live", "polite");
    setTimeout(function () { link.classList.remove("qb-copied"); }, 2000);
  }, function () {
    window.location.href = link.href;
  });
});
