// Keeps the sign-in of a tab in use: the cookie lapses after the idle time (Security:IdleTimeout), so while the user
// types, clicks or scrolls, the tab renews it once a minute. A tab left alone lets it lapse; the server ends the tab.
(function () {
  let used = false;
  const mark = () => { used = true; };
  for (const e of ["keydown", "pointerdown", "wheel", "touchstart"]) addEventListener(e, mark, { passive: true, capture: true });
  setInterval(() => {
    if (!used || !document.getElementById("qy-interactive")) return;
    used = false;
    fetch("/account/keepalive", { credentials: "same-origin", cache: "no-store" }).catch(() => { });
  }, 60000);
})();

// The skip link: with <base href="/"> a bare "#main-content" would lead to the home page, so move focus here instead.
document.addEventListener("click", e => {
  const link = e.target.closest && e.target.closest(".skip-link");
  if (!link) return;
  e.preventDefault();
  const main = document.getElementById("main-content");
  if (main) { main.focus(); main.scrollIntoView(); }
});

// A table wider than the screen scrolls sideways inside its box: keyboard users must be able to reach that box to
// scroll it (WCAG 2.1.1; axe scrollable-region-focusable). MudBlazor draws the box, so it is named and made focusable here.
(function () {
  const label = () => document.documentElement.lang === "en" ? "Table, scrolls sideways" : "表格（可左右滚动）";
  let queued = false;
  function mark() {
    queued = false;
    for (const box of document.querySelectorAll(".mud-table-container, .sheet-wrap")) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0"); box.setAttribute("role", "region"); box.setAttribute("aria-label", label()); box.dataset.qyScroll = "1";
      } else if (!scrolls && box.dataset.qyScroll) {
        box.removeAttribute("tabindex"); box.removeAttribute("role"); box.removeAttribute("aria-label"); delete box.dataset.qyScroll;
      }
    }
  }
  function queue() { if (!queued) { queued = true; requestAnimationFrame(mark); } }
  addEventListener("resize", queue);
  addEventListener("DOMContentLoaded", () => { queue(); new MutationObserver(queue).observe(document.body, { childList: true, subtree: true }); });
})();

// Print buttons of the print views (the content-security policy allows no inline onclick).
document.addEventListener("click", e => { if (e.target.closest && e.target.closest("[data-print]")) window.print(); });
