/* Koe respondent page: progressive enhancement; the form works fully without it.
   - Reveals the later pages' questions on this page, so one post answers all.
   - Shows a follow-up once its score is chosen, worded by the score's band, and
     hides those not asked of that band.
   - One tap: a score tapped (pointer, not arrow keys, which only move through
     the choices) moves on: to its follow-up if one comes next, or sends the
     form when nothing else is left to answer.
   - On a personal link, tells the site that a person opened it, at their first
     click or key press, and the headline score they choose on the page (kept
     as a partial answer). Only events the browser marks as the person's
     (isTrusted) count: a sandbox's script-made clicks and keys, the page load
     and a score only preselected by the email's link tell nothing, and a
     script's click on Send sends nothing.
   - Makes "None of these" exclusive; ticks "Other" when it is typed in. */
(function () {
  "use strict";
  var form = document.querySelector("form[method=post]");
  if (!form) return;
  var later = form.querySelector("[data-later]");
  var send = form.querySelector("[data-send]");
  var opened = form.getAttribute("data-opened");
  var headline = form.getAttribute("data-headline");
  var pointer = false; // the last press was a person's tap or click, not a key
  var person = false; // the click being handled is the person's, not a script's
  var picked = null; // the headline score the person chose on this page
  var submitting = false;
  var told = false;
  var timer = 0;
  var lastTold = null;
  if (later) {
    later.hidden = false;
    later.disabled = false;
  }
  if (send) send.textContent = send.getAttribute("data-send");

  function inputs(name) {
    return form.querySelectorAll('input[name="' + CSS.escape(name) + '"]');
  }

  function chosen(name) {
    return form.querySelector('input[name="' + CSS.escape(name) + '"]:checked');
  }

  function filled(box) {
    var fields = box.querySelectorAll("textarea, input[type=text]");
    for (var i = 0; i < fields.length; i++) if (fields[i].value.trim()) return true;
    return !!box.querySelector("input:checked");
  }

  function update() {
    var boxes = form.querySelectorAll("[data-follows]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var score = chosen(box.getAttribute("data-follows"));
      var band = score ? score.getAttribute("data-band") : "";
      var only = box.getAttribute("data-show");
      // Before its score is chosen a follow-up waits, unless something is typed in it.
      var shown = band ? !only || only.split(" ").indexOf(band) >= 0 : filled(box);
      box.hidden = !shown;
      var fields = box.querySelectorAll("input, textarea");
      for (var j = 0; j < fields.length; j++) fields[j].disabled = !shown;
      var words = box.querySelector("[data-w]");
      if (words) words.textContent = words.getAttribute("data-" + (band || "base"));
    }
  }

  function isScore(field) {
    return field.type === "radio" && !!field.closest(".points, .stars, .agree");
  }

  function submit() {
    submitting = true;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  // After a tapped score: focus its follow-up if that is the next question;
  // send the form if this was the last question and every answer is in.
  function moveOn(field) {
    if (submitting) return;
    var boxes = Array.prototype.filter.call(form.querySelectorAll(".q"), function (box) {
      return box.offsetParent !== null;
    });
    var next = boxes[boxes.indexOf(field.closest(".q")) + 1];
    if (next) {
      if (next.getAttribute("data-follows") === field.name) {
        var target = next.querySelector("textarea, input:not([type=hidden])");
        if (target) target.focus();
      }
      return;
    }
    if (form.checkValidity()) submit();
  }

  function tell() {
    timer = 0;
    if (submitting) return;
    var body = new URLSearchParams();
    var token = form.querySelector('input[name="_csrf"]');
    if (token) body.append("_csrf", token.value);
    if (headline && picked !== null) body.append(headline, picked);
    var sent = body.toString();
    if (sent === lastTold) return;
    lastTold = sent;
    fetch(opened, { method: "POST", body: body, credentials: "same-origin", keepalive: true })
      .catch(function () { lastTold = null; });
  }

  function tellSoon(delay) {
    if (!opened) return;
    clearTimeout(timer);
    timer = setTimeout(tell, delay);
  }

  function firstTouch(event) {
    if (told || !event.isTrusted) return;
    told = true;
    tellSoon(0);
  }

  if (opened) {
    document.addEventListener("click", firstTouch, true);
    document.addEventListener("keydown", firstTouch, true);
  }
  form.addEventListener("pointerdown", function (event) { pointer = event.isTrusted; }, true);
  form.addEventListener("keydown", function () { pointer = false; }, true);
  // Each way a person chooses a radio (tap, click, arrow keys, space) reaches
  // it as a click the browser marks trusted; a script's click() is not,
  // although the change event that follows it is.
  form.addEventListener("click", function (event) {
    var field = event.target;
    person = event.isTrusted;
    if (!person) {
      if (field.closest("[type=submit]")) event.preventDefault();
      return;
    }
    if (headline && field.name === headline && field.type === "radio") {
      picked = field.value;
      tellSoon(pointer ? 0 : 400); // arrow keys pass through several scores
    }
  }, true);
  form.addEventListener("submit", function () {
    submitting = true;
    clearTimeout(timer);
  });

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
    if (pointer && person && event.isTrusted && isScore(box)) moveOn(box);
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
/* The thank-you page's way on to the shop's site: the link is always there; the
   script follows it after a few seconds, says so, and stops if the person asks
   to stay (WCAG 2.2.1: a time limit the person can turn off). The address is the
   link's own, written by the server from what the owner saved. */
(function () {
  "use strict";
  var onward = document.querySelector("[data-redirect] a[href^='https://']");
  var note = document.querySelector("[data-redirect-note]");
  if (!onward || !note) return;
  note.hidden = false;
  var timer = setTimeout(function () {
    window.location.assign(onward.href);
  }, 5000);
  var stay = note.querySelector("[data-stay]");
  stay.addEventListener("click", function () {
    clearTimeout(timer);
    note.hidden = true;
    onward.focus();
  });
})();
