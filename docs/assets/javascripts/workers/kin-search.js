// KIN's search worker: Material's own worker (named in our URL's query, e.g.
// kin-search.js?search.1234abcd.min.js), with two changes around it:
// 1. Queries fold like the index (kin/search.py): each word typed with æ, ø, å,
//    ü (composed or not) also searches its ASCII spellings, so "Tromsø" finds
//    a page that spells "Tromso" as "Tromso" finds "Tromsø". The spelling table
//    comes with the index (config.folds). A word marked + (or in quotes) keeps
//    the spelling typed; a word marked - excludes every spelling.
// 2. Pages that match every word of the query come before pages that match only
//    some; a word counts as matched when any of its spellings is. Material's
//    order is kept within each of the two groups.
"use strict";
(function () {
  var material = location.search.slice(1);
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("kin-search: no Material worker named");

  var folds = {};  // letter -> its ASCII spellings (kin.search.FOLDS)

  function stripAccents(word) {
    return word.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  // Mirror of kin.search.spellings: other spellings of one lower-case word.
  function spellings(word) {
    if (/^[\x00-\x7f]*$/.test(word)) return [];
    var composed = word.normalize("NFC"), forms = [composed];
    Object.keys(folds).forEach(function (letter) {
      if (composed.indexOf(letter) < 0) return;
      var next = [];
      forms.forEach(function (f) {
        folds[letter].forEach(function (r) { next.push(f.split(letter).join(r)); });
      });
      forms = next;
    });
    var all = [composed].concat(forms.map(stripAccents));
    return all.filter(function (f, i) { return f !== word && all.indexOf(f) === i; });
  }

  function withSpellings(query) {
    var extra = [];
    query = query.normalize("NFC");
    if (query.split('"').length > 2) return query;  // a quoted phrase: exact words
    query.split(/\s+/).forEach(function (token) {
      var sign = token.charAt(0) === "-" ? "-" : "";
      if (token.charAt(0) === "+") return;
      spellings(token.replace(/^[+-]/, "").toLowerCase()).forEach(function (s) { extra.push(sign + s); });
    });
    return extra.length ? query + " " + extra.join(" ") : query;
  }

  // Material's answer lists each clause of the query; fold a spelling into the word typed.
  function mergeSpellings(terms) {
    var words = Object.keys(terms || {});
    words.forEach(function (word) {
      spellings(word).forEach(function (other) {
        if (other in terms && words.indexOf(other) >= 0) {
          terms[word] = terms[word] || terms[other];
          delete terms[other];
        }
      });
    });
  }

  function matchesAll(items) {
    var wanted = {}, found = {};
    items.forEach(function (item) {
      mergeSpellings(item.terms);
      Object.keys(item.terms || {}).forEach(function (term) {
        wanted[term] = true;
        if (item.terms[term]) found[term] = true;
      });
    });
    return Object.keys(wanted).every(function (term) { return found[term]; });
  }

  // Messages in: 0 = the index (setup), 2 = a query. Material's handler sees them changed.
  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options);
    return listen(type, function (ev) {
      var message = ev.data;
      if (message && message.type === 0 && message.data && message.data.config) folds = message.data.config.folds || {};
      if (message && message.type === 2 && typeof message.data === "string") {
        message = { type: 2, data: withSpellings(message.data) };
      }
      return handler({ data: message });
    }, options);
  };

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
