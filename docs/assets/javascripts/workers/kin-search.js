// KIN's search worker: Material's own worker (named in our URL's query, e.g.
// kin-search.js?search.1234abcd.min.js), with one change to its answers: pages
// that match every word of the query come before pages that match only some.
// Material's order is kept within each of the two groups.
"use strict";
(function () {
  var material = location.search.slice(1);
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("kin-search: no Material worker named");

  function matchesAll(items) {
    var wanted = {}, found = {};
    items.forEach(function (item) {
      Object.keys(item.terms || {}).forEach(function (term) {
        wanted[term] = true;
        if (item.terms[term]) found[term] = true;
      });
    });
    return Object.keys(wanted).every(function (term) { return found[term]; });
  }

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === 3 && message.data && Array.isArray(message.data.items)) {
      var all = [], some = [];
      message.data.items.forEach(function (items) { (matchesAll(items) ? all : some).push(items); });
      message.data.items = all.concat(some);
    }
    post(message);
  };
  importScripts(material);
})();
