// Starts the editor (Decap CMS) by hand (CMS_MANUAL_INIT). Where the site serves
// the editor's local back end (make edit: kin.editweb), admin/local-backend.json
// says where, and the editor uses it instead of signing in to GitHub. Decap
// needs its address as a full URL: it is made from this page's own address, so
// it works at any host name the site is opened at (a Codespace's, too).
// Elsewhere (the published site) that file is missing and nothing is added.
(function () {
  "use strict";
  window.CMS_MANUAL_INIT = true;
  var local = fetch("local-backend.json", { credentials: "same-origin", cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .catch(function () { return null; });
  document.addEventListener("DOMContentLoaded", function () {
    local.then(function (settings) {
      var config = {};
      if (settings && typeof settings.url === "string") {
        config.local_backend = {
          url: new URL(settings.url, location.href).href,
          allowed_hosts: settings.allowed_hosts || []
        };
      }
      window.CMS.init({ config: config });
    });
  });
})();
