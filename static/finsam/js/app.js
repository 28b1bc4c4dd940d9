// Small progressive enhancements; every page works without JavaScript.
(function () {
  "use strict";
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
