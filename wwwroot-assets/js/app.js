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
