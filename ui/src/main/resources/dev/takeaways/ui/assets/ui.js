// takeaways: keeps the page live. Polls /version (a few bytes) twice a second; when the store has
// changed, fetches this same page again and swaps its <main>, so new and changed notes appear
// without a reload. Nothing is loaded from anywhere but this server.
(function () {
  "use strict";
  var POLL_MS = 500;
  var version = null;
  var busy = false;

  function refresh() {
    return fetch(window.location.href, { headers: { "Accept": "text/html" }, cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("main");
        var main = document.getElementById("main");
        if (fresh && main) {
          var focused = document.activeElement && document.activeElement.id;
          main.innerHTML = fresh.innerHTML;
          if (focused && document.getElementById(focused)) {
            document.getElementById(focused).focus();
          }
          main.setAttribute("data-version", version);
          document.getElementById("live-status").textContent =
            "Live: updated at " + new Date().toLocaleTimeString() + ".";
        }
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
        if (latest === null) {
          return null;
        }
        if (version === null) {
          version = latest;
          document.getElementById("main").setAttribute("data-version", version);
          return null;
        }
        if (latest !== version) {
          version = latest;
          return refresh();
        }
        return null;
      })
      .catch(function () {
        document.getElementById("live-status").textContent = "Live: the server cannot be reached; retrying.";
      })
      .then(function () { busy = false; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    poll();
    window.setInterval(poll, POLL_MS);
    document.addEventListener("visibilitychange", poll);
  });
})();
