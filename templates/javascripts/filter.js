/* quotebrief: filter a list in the browser, no server (assets/quotebrief/filter.js).
   Every element with class "qb-filter" holding two or more ".qb-item"s gets a form before it: words,
   kind, topic, date range, flagged or not. An item says what it is in data-* attributes written at
   build time: data-kinds (direct, indirect, mixed, stance; space-separated), data-topics (names,
   "|"-separated), data-date and data-date-end (YYYY-MM-DD; a speaker's first and last), data-flagged
   (how many of its claims are flagged). Items that do not match get the hidden attribute. Without
   JavaScript there is no form and the list is complete. */
(function () {
  "use strict";

  var KINDS = { direct: "quoted", mixed: "mixed", indirect: "reported", stance: "stance" };
  var MAX_TOPICS = 300; // topics offered in the menu, most frequent first
  var DETACH_FROM = 100; // list items: more than this and the list leaves the page while it is filtered

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) { el.textContent = text; }
    return el;
  }

  function labelled(label, control) {
    var wrap = element("label", { "class": "qb-filter-field" });
    wrap.appendChild(element("span", {}, label));
    wrap.appendChild(control);
    return wrap;
  }

  function select(name, options) {
    var s = element("select", { name: name });
    options.forEach(function (o) { s.appendChild(element("option", { value: o[0] }, o[1])); });
    return s;
  }

  function setup(box, index) {
    if (box.getAttribute("data-qb-filter-ready") !== null) { return; }
    var els = box.querySelectorAll(".qb-item");
    if (els.length < 2) { return; }
    box.setAttribute("data-qb-filter-ready", "");
    var noun = box.getAttribute("data-noun") || "items";
    var listItems = els[0].tagName === "LI";
    var kinds = {}, topics = {}, dated = false;
    var rows = Array.prototype.map.call(els, function (el) {
      var d = el.dataset;
      var row = {
        el: el,
        text: el.textContent.toLowerCase(),
        kinds: (d.kinds || "").split(" ").filter(Boolean),
        topics: (d.topics || "").split("|").filter(Boolean),
        from: d.date || "",
        to: d.dateEnd || d.date || "",
        flagged: Number(d.flagged || 0)
      };
      row.kinds.forEach(function (k) { kinds[k] = true; });
      row.topics.forEach(function (t) { topics[t] = (topics[t] || 0) + 1; });
      if (row.from) { dated = true; }
      return row;
    });

    var form = element("form", { "class": "qb-filter-form", role: "search", "aria-label": "Filter the " + noun });
    var words = element("input", { type: "search", name: "q", placeholder: "words, names", autocomplete: "off" });
    form.appendChild(labelled("Filter", words));
    var kindList = Object.keys(KINDS).filter(function (k) { return kinds[k]; });
    var kind = select("kind", [["", "any kind"]].concat(kindList.map(function (k) { return [k, KINDS[k]]; })));
    if (kindList.length > 1) { form.appendChild(labelled("Kind", kind)); }
    var topicList = Object.keys(topics).sort(function (a, b) {
      return topics[b] - topics[a] || (a < b ? -1 : a > b ? 1 : 0);
    }).slice(0, MAX_TOPICS);
    var topic = select("topic", [["", "any topic"]].concat(topicList.map(function (t) { return [t, t]; })));
    if (topicList.length) { form.appendChild(labelled("Topic", topic)); }
    var since = element("input", { type: "date", name: "since" });
    var until = element("input", { type: "date", name: "until" });
    if (dated) {
      form.appendChild(labelled("From", since));
      form.appendChild(labelled("To", until));
    }
    var flag = select("flagged", [["", "flagged or not"], ["yes", "flagged only"], ["no", "not flagged"]]);
    form.appendChild(labelled("Confidence", flag));
    var status = element("output", { "class": "qb-filter-status", "aria-live": "polite", id: "qb-filter-status-" + index });
    form.appendChild(status);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    var pending = false;
    function apply() {
      pending = false;
      var started = window.performance ? window.performance.now() : 0;
      var terms = words.value.toLowerCase().split(/\s+/).filter(Boolean);
      var k = kind.value, t = topic.value, from = since.value, to = until.value, f = flag.value;
      var shown = 0;
      // A long list of <li> is taken out of the page while its items change: Chromium then restyles
      // it once (in place, hiding 2,200 briefs took about half a second; out of the page, tens of ms).
      // Table rows and claims are faster in place (a table taken out is laid out again whole).
      var parent = box.parentNode, next = box.nextSibling, detach = listItems && rows.length > DETACH_FROM;
      if (detach) { parent.removeChild(box); }
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i], ok = true;
        for (var j = 0; ok && j < terms.length; j++) { ok = r.text.indexOf(terms[j]) !== -1; }
        if (ok && k) { ok = r.kinds.indexOf(k) !== -1; }
        if (ok && t) { ok = r.topics.indexOf(t) !== -1; }
        if (ok && (from || to)) { ok = !!r.from && (!from || r.to >= from) && (!to || r.from <= to); }
        if (ok && f) { ok = f === "yes" ? r.flagged > 0 : r.flagged === 0; }
        if (r.el.hidden === ok) { r.el.hidden = !ok; }
        if (ok) { shown++; }
      }
      if (detach) { parent.insertBefore(box, next); }
      status.textContent = shown === rows.length ? "all " + rows.length + " " + noun
        : shown + " of " + rows.length + " " + noun;
      box.setAttribute("data-qb-shown", String(shown));
      box.offsetHeight; // layout now, so the time below includes it (bench/filters.py reads it)
      if (started) { box.setAttribute("data-qb-filter-ms", (window.performance.now() - started).toFixed(1)); }
    }
    function later() {
      if (!pending) { pending = true; window.requestAnimationFrame(apply); }
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    box.parentNode.insertBefore(form, box);
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".qb-filter"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material's page-change stream (instant navigation too)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
