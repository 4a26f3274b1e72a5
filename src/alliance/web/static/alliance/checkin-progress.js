// Progressive enhancement: how many of the check-in's questions with choices are answered, kept
// in view at the foot of the screen; without JavaScript the parts are numbered in their headings.
(function () {
  var bar = document.getElementById("checkin-progress");
  if (!bar) return;
  var form = bar.closest("form");
  var meter = bar.querySelector("progress");
  var text = document.getElementById("checkin-progress-text");
  // the page's own language: "%(answered)s of %(total)s answered", translated on the server
  var wording = bar.getAttribute("data-answered") || "%(answered)s of %(total)s answered";
  var names = [];
  form.querySelectorAll("input[type=radio]").forEach(function (radio) {
    if (names.indexOf(radio.name) < 0) names.push(radio.name);
  });
  if (!names.length) return;
  function update() {
    var answered = names.filter(function (name) {
      return form.querySelector('input[name="' + name + '"]:checked');
    }).length;
    meter.max = names.length;
    meter.value = answered;
    text.textContent = wording
      .replace("%(answered)s", answered)
      .replace("%(total)s", names.length);
  }
  form.addEventListener("change", update);
  bar.hidden = false;
  update();
})();
