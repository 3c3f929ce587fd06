// Review page behaviour: jump from a record entry to its span and back, tooltips, legend toggles.
// Text from the record only ever reaches the page through textContent, never as markup.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var record = document.getElementById("record");
  var tip = document.getElementById("tip");

  function flash(elements) {
    elements.forEach(function (el) {
      el.classList.remove("flash");
      void el.offsetWidth;            // restart the animation
      el.classList.add("flash");
    });
    setTimeout(function () {
      elements.forEach(function (el) { el.classList.remove("flash"); });
    }, 1700);
  }

  function openAncestors(el) {
    for (var d = el.parentElement; d; d = d.parentElement) {
      if (d.tagName === "DETAILS") d.open = true;
    }
  }

  // A record entry: scroll the text pane to the first piece of its span, flash every piece.
  function showSpan(id) {
    var pieces = Array.prototype.slice.call(text.querySelectorAll('[data-m="' + id + '"]'));
    if (!pieces.length) return;
    var tall = pieces[0].getBoundingClientRect().height > text.clientHeight / 2;   // a whole block: show its start
    pieces[0].scrollIntoView({ block: tall ? "start" : "center", inline: "nearest" });
    flash(pieces);
  }

  record.addEventListener("click", function (e) {
    var entry = e.target.closest("[data-target]");
    if (!entry) return;
    if (entry.closest("summary")) e.preventDefault();   // jump, don't fold the section
    showSpan(entry.getAttribute("data-target"));
  });
  record.addEventListener("keydown", function (e) {
    var entry = e.target.closest("[data-target]");
    if (entry && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); showSpan(entry.getAttribute("data-target")); }
  });

  // A highlight: scroll the record pane to the entry it belongs to.
  text.addEventListener("click", function (e) {
    if (window.getSelection && String(window.getSelection()).length) return;   // selecting text
    var hl = e.target.closest(".hl:not(.quiet)");
    if (!hl) return;
    var entry = record.querySelector('[data-target="' + hl.getAttribute("data-m") + '"]');
    if (!entry) return;
    openAncestors(entry);
    entry.scrollIntoView({ block: "center", inline: "nearest" });
    flash([entry]);
  });

  // Tooltip: what the span under the pointer was extracted as, innermost first.
  text.addEventListener("mousemove", function (e) {
    var labels = [];
    for (var el = e.target.closest(".hl"); el; el = el.parentElement && el.parentElement.closest(".hl")) {
      var label = el.getAttribute("data-label");
      if (label && labels.indexOf(label) < 0) labels.push(label);
    }
    if (!labels.length) { tip.hidden = true; return; }
    tip.textContent = labels.join("\n");
    tip.hidden = false;
    var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = e.clientY + 18 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 18;
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  });
  text.addEventListener("mouseleave", function () { tip.hidden = true; });
  text.addEventListener("scroll", function () { tip.hidden = true; });

  // Legend: untick a kind to hide its highlights.
  document.querySelectorAll(".legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
})();
