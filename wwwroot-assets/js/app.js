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

// Arrow keys in the nav drawer (issue 16). MudBlazor 9's MudNavMenu handles no arrow keys (its MudTabs does: Left/Right
// move focus, Enter/Space open). Up/Down move between the links and group toggles that are shown, Home/End to the
// first/last. Tab keeps its usual order, so it still leaves the drawer.
document.addEventListener("keydown", e => {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !e.target.closest) return;
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"
    && !el.closest("[aria-hidden='true'], [inert]") && !el.closest(".mud-collapse-container:not(.mud-collapse-entered)");
  const step = (items, current, key, back, forward) => {
    const i = items.indexOf(current);
    if (i < 0) return null;
    if (key === "Home") return items[0];
    if (key === "End") return items[items.length - 1];
    if (key === back) return items[(i - 1 + items.length) % items.length];
    if (key === forward) return items[(i + 1) % items.length];
    return null;
  };

  const link = e.target.closest(".mud-navmenu .mud-nav-link");
  if (link && ["ArrowUp", "ArrowDown", "Home", "End"].includes(e.key)) {
    let menu = link.closest(".mud-navmenu");   // a group draws its links in a nav menu of its own: take the outermost
    for (let up = menu.parentElement?.closest(".mud-navmenu"); up; up = up.parentElement?.closest(".mud-navmenu")) menu = up;
    const items = [...menu.querySelectorAll("a.mud-nav-link, button.mud-nav-link, .mud-nav-link[tabindex]")].filter(shown);
    const next = step(items, link, e.key, "ArrowUp", "ArrowDown");
    if (next) { e.preventDefault(); next.focus(); }
  }
});

// On a phone the drawer lies over the page: once a page is chosen in it, it closes, as MudBlazor's own nav links do (the
// drawer's links are plain markup: NavLinks). Clicking its overlay is how MudBlazor closes it, so its state stays right.
document.addEventListener("click", e => {
  const link = e.target.closest && e.target.closest(".mud-drawer a.mud-nav-link");
  if (!link) return;
  const overlay = document.querySelector(".mud-drawer-overlay");
  if (overlay && getComputedStyle(overlay).display !== "none") overlay.click();
});
