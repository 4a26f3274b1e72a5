// Two minutes before the idle logout, offer to stay logged in; at the end, go to the login.
(function () {
  var minutes = Number(document.body.dataset.idleMinutes);
  if (!minutes) return;
  var warnTimer, endTimer, box;
  function csrf() {
    var found = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return found ? decodeURIComponent(found[1]) : "";
  }
  function hide() { if (box) { box.remove(); box = null; } }
  function warn() {
    box = document.createElement("div");
    box.className = "idle-warning";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-live", "assertive");
    box.textContent = "You will be logged out in two minutes without activity. ";
    var stay = document.createElement("button");
    stay.type = "button";
    stay.textContent = "Stay logged in";
    stay.addEventListener("click", function () {
      fetch("/session/still-here/", {method: "POST", headers: {"X-CSRFToken": csrf()}, credentials: "same-origin"})
        .then(function (reply) { if (reply.ok) { restart(); } else { window.location = "/login/"; } });
    });
    box.appendChild(stay);
    document.body.prepend(box);
    stay.focus();
  }
  function restart() {
    hide();
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(warn, Math.max(0, minutes - 2) * 60000);
    endTimer = setTimeout(function () { window.location = "/login/"; }, minutes * 60000 + 5000);
  }
  document.body.addEventListener("htmx:afterRequest", restart);
  restart();
})();
