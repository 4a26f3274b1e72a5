// The kiosk returns to its blank screen after a while without a touch, and soon after a thank-you.
(function () {
  "use strict";
  const script = document.currentScript;
  const home = script.dataset.home;
  const idleMs = Number(script.dataset.idleSeconds) * 1000;
  const thanksMs = 8000;
  let timer = null;
  function restart(ms) {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { window.location.assign(home); }, ms);
  }
  const done = document.querySelector(".kiosk-done");
  if (done) {
    restart(thanksMs);
    window.setTimeout(function () { done.remove(); }, thanksMs);
    return;
  }
  if (window.location.pathname === home && !document.querySelector(".errorlist")) {
    return;  // already the blank screen
  }
  ["pointerdown", "keydown", "input", "scroll"].forEach(function (name) {
    document.addEventListener(name, function () { restart(idleMs); }, {passive: true});
  });
  restart(idleMs);
})();
