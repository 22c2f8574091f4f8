/* Koe respondent page: progressive enhancement; the form works fully without it.
   - Reveals the later pages' questions on this page, so one post answers all.
   - Shows a follow-up once its score is chosen, worded by the score's band, and
     hides those not asked of that band.
   - One tap: the headline score the person chooses is sent at once in the
     background (kept as a partial answer, web/one_tap.py), and the page says
     so in its status line, inviting the comment without moving the focus
     into it (a phone's keyboard would cover the page). A score tapped
     (pointer, not arrow keys, which only move through the choices) sends the
     form when nothing else is left to answer.
   - On a personal link, also tells the site that a person opened it, at their
     first click or key press. Only events the browser marks as the person's
     (isTrusted) count: a sandbox's script-made clicks and keys, the page load
     and a score only preselected by the email's link tell nothing, and a
     script's click on Send sends nothing.
   - Sending the form waits for a score still on its way, so the post
     completes the response the tap began instead of making a second one.
   - Makes "None of these" exclusive; ticks "Other" when it is typed in, and
     shows the "Other" text box only once "Other" is chosen (without the
     script it is always shown).
   - The error summary: focused when the page opens (the autofocus attribute
     does it without the script too); its links take the focus to the
     question's first field. */
(function () {
  "use strict";
  var form = document.querySelector("form[method=post]");
  if (!form) return;
  var later = form.querySelector("[data-later]");
  var send = form.querySelector("[data-send]");
  var opened = form.getAttribute("data-opened");
  var beacon = opened || form.getAttribute("data-keep");
  var saved = form.querySelector(".saved");
  var pending = null; // the score on its way to the site
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
    var others = form.querySelectorAll("[data-other]");
    for (var k = 0; k < others.length; k++) {
      var other = others[k];
      var ticked = form.querySelector('input[name="' +
        CSS.escape(other.name.slice(0, -"__other".length)) + '"][value="other"]:checked');
      other.hidden = !ticked && !other.value.trim();
    }
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

  // After a tapped score: send the form if this was the last question and
  // every answer is in. The focus stays on the score.
  function moveOn(field) {
    if (submitting) return;
    var boxes = Array.prototype.filter.call(form.querySelectorAll(".q"), function (box) {
      return box.offsetParent !== null;
    });
    if (boxes.indexOf(field.closest(".q")) === boxes.length - 1 && form.checkValidity()) submit();
  }

  // The status line: the score is kept; the comment, if one is asked, is welcome.
  function sayKept() {
    if (!saved || submitting) return;
    var more = form.querySelector('[data-follows="' + CSS.escape(headline) + '"]:not([hidden])');
    saved.textContent = saved.getAttribute(more ? "data-more" : "data-saved");
  }

  function tell() {
    timer = 0;
    if (submitting) return;
    var body = new URLSearchParams();
    var fields = form.querySelectorAll('input[name="_csrf"], input[name="_begun"]');
    for (var i = 0; i < fields.length; i++) body.append(fields[i].name, fields[i].value);
    if (headline && picked !== null) body.append(headline, picked);
    else if (!opened) return; // a public link tells only a score
    var sent = body.toString();
    if (sent === lastTold) return;
    lastTold = sent;
    var request = fetch(beacon, {
      method: "POST", body: body, credentials: "same-origin", keepalive: true
    }).then(function (response) {
      if (response.headers.get("Koe-Score") === "kept") sayKept();
      else if (!response.ok) lastTold = null;
    }).catch(function () { lastTold = null; });
    pending = request;
    request.then(function () { if (pending === request) pending = null; });
  }

  function tellSoon(delay) {
    if (!beacon) return;
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
  form.addEventListener("submit", function (event) {
    submitting = true;
    clearTimeout(timer);
    if (pending) {
      // The post must reach the site after the score, to complete its response.
      // A beacon that never answers holds the post back three seconds at most.
      event.preventDefault();
      var waiting = pending;
      var gone = false;
      var go = function () {
        if (!gone) form.submit();
        gone = true;
      };
      pending = null;
      waiting.then(go);
      setTimeout(go, 3000);
    }
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

  var summary = document.querySelector("[data-summary]");
  if (summary) {
    if (document.activeElement === document.body) summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest('a[href^="#q-"]');
      var box = link && document.getElementById(link.getAttribute("href").slice(1));
      var field = box && box.querySelector("input:not([type=hidden]):not([hidden]), textarea");
      if (!field) return;
      event.preventDefault();
      box.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

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
