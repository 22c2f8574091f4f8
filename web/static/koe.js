/* Koe respondent page: progressive enhancement; the form works fully without it.
   It reveals the later pages' questions on this page, so one post answers all;
   words each follow-up by the band of the score chosen and hides those not asked
   of that band; makes "None of these" exclusive; ticks "Other" when it is typed
   in. It sends and stores nothing itself. */
(function () {
  "use strict";
  var form = document.querySelector("form");
  if (!form) return;
  var later = form.querySelector("[data-later]");
  var send = form.querySelector("[data-send]");
  if (later) {
    later.hidden = false;
    later.disabled = false;
  }
  if (send) send.textContent = send.getAttribute("data-send");

  function inputs(name) {
    return form.querySelectorAll('input[name="' + CSS.escape(name) + '"]');
  }

  function update() {
    var boxes = form.querySelectorAll("[data-follows]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var score = form.querySelector(
        'input[name="' + CSS.escape(box.getAttribute("data-follows")) + '"]:checked');
      var band = score ? score.getAttribute("data-band") : "";
      var only = box.getAttribute("data-show");
      var shown = !band || !only || only.split(" ").indexOf(band) >= 0;
      box.hidden = !shown;
      var fields = box.querySelectorAll("input, textarea");
      for (var j = 0; j < fields.length; j++) fields[j].disabled = !shown;
      var words = box.querySelector("[data-w]");
      if (words) words.textContent = words.getAttribute("data-" + (band || "base"));
    }
  }

  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type === "checkbox" && box.checked) {
      var group = inputs(box.name);
      for (var i = 0; i < group.length; i++) {
        if (group[i].hasAttribute("data-none") !== box.hasAttribute("data-none")) {
          group[i].checked = false;
        }
      }
    }
    update();
  });

  form.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.hasAttribute("data-other") || !field.value.trim()) return;
    var group = inputs(field.name.slice(0, -"__other".length));
    for (var i = 0; i < group.length; i++) {
      if (group[i].value === "other" && !group[i].checked) {
        group[i].checked = true;
        group[i].dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  });

  update();
})();
