// takeaways: keeps the page live. Polls /version (a few bytes) twice a second; when the store's
// version differs from the one this page was made at (data-version on <main>), fetches this same
// page again and swaps its <main>, so new and changed notes appear without a reload. The overview
// is computed in the background after a change, so a fetched page may still be the previous one:
// its data-version says so, and the next poll asks again. Nothing is loaded from anywhere but this
// server.
(function () {
  "use strict";
  var POLL_MS = 500;
  var busy = false;

  function status(text) {
    document.getElementById("live-status").textContent = text;
  }

  function refresh() {
    return fetch(window.location.href, { headers: { "Accept": "text/html" }, cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
        var main = document.getElementById("main");
        if (!fresh || !main || fresh.getAttribute("data-version") === main.getAttribute("data-version")) {
          return;
        }
        var focused = document.activeElement && document.activeElement.id;
        main.innerHTML = fresh.innerHTML;
        main.setAttribute("data-version", fresh.getAttribute("data-version"));
        if (focused && document.getElementById(focused)) {
          document.getElementById(focused).focus();
        }
        status("Live: updated at " + new Date().toLocaleTimeString() + ".");
      });
  }

  function poll() {
    if (busy || document.hidden) {
      return;
    }
    busy = true;
    fetch("/version", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (latest) {
        var shown = document.getElementById("main").getAttribute("data-version");
        return latest !== null && shown && latest !== shown ? refresh() : null;
      })
      .catch(function () { status("Live: the server cannot be reached; retrying."); })
      .then(function () { busy = false; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.setInterval(poll, POLL_MS);
    document.addEventListener("visibilitychange", poll);
  });
})();
