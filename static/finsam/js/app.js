// Small progressive enhancements; every page works without JavaScript.
(function () {
  "use strict";
  // Reflow: every table in the page body scrolls in its own region, named by its caption, so the page
  // itself never scrolls sideways on a narrow screen (WCAG 2.1 1.4.10).
  document.querySelectorAll("main table").forEach(function (table) {
    var parent = table.parentElement;
    if (!parent || parent.classList.contains("tabell-rulla")) { return; }
    var region = document.createElement("div");
    region.className = "tabell-rulla";
    region.setAttribute("role", "region");
    region.setAttribute("tabindex", "0");
    var caption = table.querySelector("caption");
    var heading = null;
    if (!caption) {
      var prev = table.previousElementSibling;
      if (prev && /^H[1-6]$/.test(prev.tagName)) { heading = prev; }
    }
    region.setAttribute("aria-label", caption ? caption.textContent.trim() : (heading ? heading.textContent.trim() : "Tabell"));
    parent.insertBefore(region, table);
    region.appendChild(table);
  });
  // Background jobs: an element with data-status-url polls until the job is done or failed.
  document.querySelectorAll("[data-status-url]").forEach(function (el) {
    var url = el.getAttribute("data-status-url");
    var bar = el.querySelector("progress");
    var text = el.querySelector("[data-status-text]");
    var link = el.querySelector("[data-status-link]");
    var start = el.getAttribute("data-status");
    var pending = function (s) { return s === "koad" || s === "pagar"; };
    if (!pending(start)) { return; }
    function poll() {
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (d) {
          if (bar) { bar.value = d.framsteg; }
          if (text) { text.textContent = d.status_text + (d.framsteg_text ? " – " + d.framsteg_text : "") + (d.fel ? ": " + d.fel : ""); }
          el.setAttribute("data-status", d.status);
          if (pending(d.status)) { window.setTimeout(poll, 1000); return; }
          if (d.status === "klar" && link && d.url) { link.href = d.url; link.hidden = false; }
          // finished: reload once so the facts (pages, checksum, format) are shown as stored
          if (el.hasAttribute("data-reload")) { window.location.reload(); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    poll();
  });
  // A select that submits its form when changed (no inline handlers: the CSP allows no inline script).
  document.querySelectorAll("select[data-skicka-vid-andring]").forEach(function (el) {
    el.addEventListener("change", function () { if (el.form) { el.form.submit(); } });
  });
  // A page that reloads itself while a background job runs: data-ladda-om="<milliseconds>".
  var laddaOm = document.querySelector("[data-ladda-om]");
  if (laddaOm) {
    window.setTimeout(function () { window.location.reload(); }, parseInt(laddaOm.getAttribute("data-ladda-om"), 10) || 2000);
  }
})();
