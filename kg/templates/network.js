// kg network page: draws the vis-network, wires filters, search, tooltips and details.
// Article text arrives as JSON data and only ever reaches the DOM through textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var GREY_NODE = "#dddddd";
  var GREY_EDGE = "#e6e6e6";
  var nodeColour = {};
  var edgeColour = {};
  nodes.forEach(function (n) { nodeColour[n.id] = n.color; });
  edges.forEach(function (e) { edgeColour[e.id] = e.color; });
  var labelOf = function (id) { var n = nodes.get(id); return n ? n.label : id; };
  // an edge stands for every event of one actor, target, action and modality: each event carries them too
  var shown = {};  // edge id -> its events that pass the filters
  edges.forEach(function (e) {
    e.kg.events.forEach(function (ev) {
      ["from", "to", "action", "actionLabel", "quad", "modality"].forEach(function (k) { ev[k] = e.kg[k]; });
    });
    shown[e.id] = e.kg.events;
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function safeUrl(url) {
    // only web links become links; anything else (javascript:, data:) stays text
    return /^https?:\/\//i.test(url || "") ? url : "";
  }

  function eventHead(ev) {
    var who = labelOf(ev.from) + (ev.to ? " \u2192 " + labelOf(ev.to) : "");
    var what = (ev.modality === "negated" ? "not " : "") + ev.actionLabel + " (" + ev.modality +
      (ev.superseded ? "; its documents tell a stronger story" : "") + ")";
    return who + ": " + what + (ev.date ? " \u00b7 " + ev.date + (ev.dateSource === "article" ? " (article date)" : "") : "");
  }

  function edgeHead(kg, count) {
    return labelOf(kg.from) + " \u2192 " + labelOf(kg.to) + ": " + (kg.modality === "negated" ? "not " : "") +
      kg.actionLabel + " (" + kg.modality + ")" + (count > 1 ? " \u00b7 " + count + " events" : "");
  }

  function tellingHead(ev) {  // an event within its edge: when, and whether its documents tell more
    return (ev.date ? ev.date + (ev.dateSource === "article" ? " (article date)" : "") : "undated") +
      (ev.superseded ? "; its documents tell a stronger story" : "");
  }

  // kg.render._edge_label: the action, the count of events, or one event's text date
  function edgeLabel(kg, evs) {
    var text = kg.actionLabel;
    if (evs.length > 1) text += " \u00d7" + evs.length;
    else if (evs.length === 1 && evs[0].date && evs[0].dateSource !== "article") text += " \u00b7 " + evs[0].date;
    return (kg.modality === "negated" ? "\u2717 not " : "") + text;
  }

  function eventBlock(ev, maxSentences, withLinks, head) {
    var box = el("div", null, "kg-event");
    if (head) box.appendChild(el("div", head, "kg-event-head"));
    box.appendChild(el("div", ev.sources + (ev.sources === 1 ? " source" : " independent sources") +
      (ev.quad ? " \u00b7 " + ev.quad.replace("-", " ") : ""), "kg-meta"));
    ev.evidence.slice(0, maxSentences).forEach(function (s) {
      box.appendChild(el("blockquote", s.sentence, "kg-sentence"));
      var doc = meta.docs[s.doc] || {};
      var cite = el("div", null, "kg-cite");
      cite.appendChild(el("span", (doc.title || s.doc) + (doc.date ? ", " + doc.date : "") +
        (s.by ? " \u2014 according to " + s.by : "")));
      var url = safeUrl(doc.url);
      if (withLinks && url) {
        cite.appendChild(document.createTextNode(" "));
        var a = el("a", url);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        cite.appendChild(a);
      } else if (doc.url) {
        cite.appendChild(el("span", " " + doc.url));
      }
      box.appendChild(cite);
    });
    var total = Math.max(ev.evidenceTotal || 0, ev.evidence.length);
    if (total > maxSentences) box.appendChild(more(total, Math.min(maxSentences, ev.evidence.length), "sentences"));
    return box;
  }

  function nodeEvents(id) {
    var out = [];
    network.getConnectedEdges(id).forEach(function (eid) {
      var e = edges.get(eid);
      if (e && !e.hidden) out = out.concat(shown[eid]);
    });
    var n = nodes.get(id);
    ((n && n.loose) || []).forEach(function (ev) { if (passes(ev, readState(), id)) out.push(ev); });
    return out;
  }

  function more(count, shownCount, what) {
    return el("div", "\u2026 " + (count - shownCount) + " more " + what, "kg-hint");
  }

  function details(kind, id, full) {
    var box = el("div");
    var maxEvents = full ? 50 : 3;
    var maxSentences = full ? 20 : 2;
    if (kind === "node") {
      var n = nodes.get(id);
      if (!n) return box;
      box.appendChild(el("h2", n.label));
      var kindLine = n.kindLabel + (n.country ? ", acts for " + n.country : "") + " \u00b7 " + n.events +
        (n.events === 1 ? " event" : " events");
      box.appendChild(el("div", kindLine, "kg-meta"));
      var evs = nodeEvents(id);
      evs.slice(0, maxEvents).forEach(function (ev) { box.appendChild(eventBlock(ev, maxSentences, full, eventHead(ev))); });
      if (evs.length > maxEvents) box.appendChild(more(evs.length, maxEvents, "events"));
    } else {
      var e = edges.get(id);
      if (!e) return box;
      var tellings = shown[id];
      box.appendChild(el("h2", edgeHead(e.kg, tellings.length)));
      tellings.slice(0, maxEvents).forEach(function (ev) {
        box.appendChild(eventBlock(ev, maxSentences, full, tellings.length > 1 || ev.date ? tellingHead(ev) : ""));
      });
      if (tellings.length > maxEvents) box.appendChild(more(tellings.length, maxEvents, "events"));
    }
    return box;
  }

  // ------------------------------------------------------------ edge labels: all of them, or only where looked at
  // Above kg.render.EDGE_LABELS_ALWAYS edges a label is drawn only from a zoom on (the edges' drawThreshold,
  // see kg.render._label_threshold) or when its edge is hovered, selected or next to the found actor.
  var threshold = data.options.edges.scaling.label.drawThreshold;
  var looked = { hover: [], select: [], found: [] };
  var labelled = {};
  function showLabels(why, ids) {
    looked[why] = ids;
    if (!meta.declutter) return;
    var want = {};
    Object.keys(looked).forEach(function (k) { looked[k].forEach(function (id) { want[id] = true; }); });
    var updates = [];
    Object.keys(labelled).forEach(function (id) {
      if (!want[id]) updates.push({ id: id, scaling: { label: { drawThreshold: threshold } } });
    });
    Object.keys(want).forEach(function (id) {
      if (!labelled[id]) updates.push({ id: id, scaling: { label: { drawThreshold: 0 } } });
    });
    labelled = want;
    if (updates.length) edges.update(updates);
  }

  // ------------------------------------------------------------ tooltip and details panel
  var tooltip = document.getElementById("kg-tooltip");
  var panel = document.getElementById("kg-details");

  function showTooltip(kind, id, pointer) {
    tooltip.replaceChildren(details(kind, id, false));
    var rect = container.getBoundingClientRect();
    var x = rect.left + pointer.x + 14;
    var y = rect.top + pointer.y + 14;
    tooltip.hidden = false;
    var w = tooltip.offsetWidth;
    var h = tooltip.offsetHeight;
    if (x + w > window.innerWidth) x = Math.max(0, rect.left + pointer.x - w - 14);
    if (y + h > window.innerHeight) y = Math.max(0, window.innerHeight - h - 4);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }
  function showDetails(kind, id) { panel.replaceChildren(details(kind, id, true)); }

  network.on("hoverNode", function (p) { showTooltip("node", p.node, p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip("edge", p.edge, p.pointer.DOM); showLabels("hover", [p.edge]); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", function () { hideTooltip(); showLabels("hover", []); });
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  container.addEventListener("mouseleave", hideTooltip);
  network.on("click", function (p) {
    if (p.nodes.length) showDetails("node", p.nodes[0]);
    else if (p.edges.length) showDetails("edge", p.edges[0]);
  });
  // a click on an actor selects its edges too; a click on nothing selects nothing
  ["select", "deselectNode", "deselectEdge"].forEach(function (name) {
    network.on(name, function () { showLabels("select", network.getSelectedEdges().map(String)); });
  });

  // ------------------------------------------------------------ dates: what kg.temporal reads without an anchor
  var months = meta.dates.months;
  var patterns = {};
  Object.keys(meta.dates.patterns).forEach(function (k) { patterns[k] = new RegExp(meta.dates.patterns[k]); });

  function clean(text) {  // kg.temporal._clean
    var t = text.toLowerCase().replace(/\u2019/g, "'").replace(/[\u2013\u2014]/g, "-").replace(/\s+/g, " ");
    return t.replace(/^[ ,.;:]+|[ ,.;:]+$/g, "");
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function four(n) { return ("000" + n).slice(-4); }
  function daysIn(y, m) { return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }

  // kg.temporal.normalise(text, None): YYYY, YYYY-MM or YYYY-MM-DD; "" for nothing typed, null for no date
  function readDate(text) {
    var t = clean(text || "");
    if (!t) return "";
    var m = patterns.iso.exec(t);
    if (m) return m[0];
    m = patterns.monthDayYear.exec(t) || patterns.dayMonthYear.exec(t);
    if (m) {
      var y = m.groups.year ? parseInt(m.groups.year, 10) : 0;
      var mo = months[m.groups.month];
      var d = parseInt(m.groups.day, 10);
      return y >= 1 && d >= 1 && d <= daysIn(y, mo) ? four(y) + "-" + two(mo) + "-" + two(d) : null;
    }
    m = patterns.monthYear.exec(t);
    if (m) return m.groups.year ? m.groups.year + "-" + two(months[m.groups.month]) : null;
    m = patterns.year.exec(t);
    return m ? m.groups.year : null;
  }

  // ------------------------------------------------------------ filters
  var actionSelect = document.getElementById("kg-action");
  var actorSelect = document.getElementById("kg-actor");
  var modalityBox = document.getElementById("kg-modalities");
  var fromInput = document.getElementById("kg-date-from");
  var toInput = document.getElementById("kg-date-to");
  var dateMessage = document.getElementById("kg-date-message");
  var dateHint = dateMessage.textContent;
  var undated = document.getElementById("kg-undated");
  var articleDated = document.getElementById("kg-article-dated");
  var minSources = document.getElementById("kg-min-sources");
  var search = document.getElementById("kg-search");
  var names = document.getElementById("kg-actor-names");

  meta.actions.forEach(function (a) { actionSelect.appendChild(new Option(a.label, a.name)); });
  var sorted = nodes.get().sort(function (a, b) { return a.label.localeCompare(b.label); });
  sorted.forEach(function (n) {
    actorSelect.appendChild(new Option(n.label, n.id));
    names.appendChild(new Option(n.label, n.label));
    (n.aliases || []).forEach(function (alias) { names.appendChild(new Option(n.label, alias)); });
  });
  meta.modalities.forEach(function (m) {
    var label = el("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = m;
    box.className = "kg-modality";
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + m));
    modalityBox.appendChild(label);
  });

  function padStart(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d.slice(0, 10); }
  function padEnd(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d.slice(0, 10); }
  function dateBound(input) {
    var read = readDate(input.value);
    input.setAttribute("aria-invalid", read === null ? "true" : "false");
    return read;
  }
  function dateSays(from, to) {  // says what the boxes were read as, or which one could not be read
    var bad = [[from, fromInput], [to, toInput]].filter(function (x) { return x[0] === null; });
    dateMessage.classList.toggle("kg-error", bad.length > 0);
    if (bad.length) {
      dateMessage.textContent = bad.map(function (x) { return "\u201c" + x[1].value.trim() + "\u201d"; }).join(" and ") +
        ": not a date this page reads (no filter on it). Write 2024, 2024-10, Oct 2024 or 7 October 2024, with a year.";
    } else if (from || to) {
      dateMessage.textContent = "Events " + (from ? "from " + from : "") + (from && to ? " " : "") + (to ? "to " + to : "") + ".";
    } else {
      dateMessage.textContent = dateHint;
    }
  }

  function readState() {
    var mods = [];
    modalityBox.querySelectorAll("input.kg-modality").forEach(function (b) { if (b.checked) mods.push(b.value); });
    var from = dateBound(fromInput);
    var to = dateBound(toInput);
    return {
      action: actionSelect.value,
      actor: actorSelect.value,
      modalities: mods,
      from: from ? padStart(from) : "",
      to: to ? padEnd(to) : "",
      said: [from, to],
      undated: undated.checked,
      articleDated: articleDated.checked,
      minSources: Math.max(1, parseInt(minSources.value, 10) || 1)
    };
  }

  function passes(ev, st, owner) {
    if (st.action && ev.action !== st.action) return false;
    if (st.modalities.indexOf(ev.modality) < 0) return false;
    if (ev.sources < st.minSources) return false;
    if (st.actor && ev.from !== st.actor && ev.to !== st.actor && owner !== st.actor) return false;
    if (!ev.date) return st.undated;
    if (ev.dateSource === "article" && !st.articleDated) return false;
    if (st.from && padEnd(ev.date) < st.from) return false;
    if (st.to && padStart(ev.date) > st.to) return false;
    return true;
  }

  function applyFilters() {
    var st = readState();
    dateSays(st.said[0], st.said[1]);
    var near = {};
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var evs = e.kg.events.filter(function (ev) { return passes(ev, st); });
      var ok = evs.length > 0;
      if (ok) { near[e.from] = true; near[e.to] = true; }
      var update = {};
      if (!!e.hidden === ok) update.hidden = !ok;
      // the count on the label is the count of what passes
      if (ok && evs.length !== shown[e.id].length) {
        var label = edgeLabel(e.kg, evs);
        if (label !== e.label) update.label = label;
      }
      shown[e.id] = ok ? evs : [];
      if (Object.keys(update).length) { update.id = e.id; edgeUpdates.push(update); }
    });
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      if (!near[n.id]) {
        (n.loose || []).forEach(function (ev) { if (passes(ev, st, n.id)) near[n.id] = true; });
      }
      var ok = !!near[n.id];
      if (!!n.hidden === ok) nodeUpdates.push({ id: n.id, hidden: !ok });
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    status();
  }

  function visible() {
    var events = 0;
    edges.forEach(function (e) { if (!e.hidden) events += shown[e.id].length; });
    return {
      nodes: nodes.get({ filter: function (n) { return !n.hidden; } }).length,
      edges: edges.get({ filter: function (e) { return !e.hidden; } }).length,
      events: events
    };
  }
  var allEvents = visible().events;

  function status() {
    var v = visible();
    document.getElementById("kg-status").textContent = "Showing " + v.nodes + " of " + nodes.length +
      " actors, " + v.events + " of " + allEvents + " events";
  }

  [actionSelect, actorSelect, undated, articleDated, minSources, fromInput, toInput].forEach(function (c) {
    c.addEventListener("change", applyFilters);
  });
  [fromInput, toInput, minSources].forEach(function (c) { c.addEventListener("input", applyFilters); });
  modalityBox.addEventListener("change", applyFilters);
  document.getElementById("kg-reset").addEventListener("click", function () {
    actionSelect.value = "";
    actorSelect.value = "";
    fromInput.value = "";
    toInput.value = "";
    undated.checked = true;
    articleDated.checked = true;
    minSources.value = "1";
    modalityBox.querySelectorAll("input.kg-modality").forEach(function (b) { b.checked = true; });
    clearHighlight();
    applyFilters();
  });

  // ------------------------------------------------------------ search: by label, key or alias; highlight the neighbourhood
  function fold(text) {  // kg.render._fold: case and accents folded, spaces collapsed
    return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }
  var terms = sorted.map(function (n) {
    return { id: n.id, label: fold(n.label), names: [fold(n.id)].concat((n.aliases || []).map(fold)) };
  });
  function findActor(text) {
    var t = fold(text);
    if (!t) return null;
    // the best kind of match wins, in label order: whole label, whole name, start of either, part of either
    var tests = [
      function (x) { return x.label === t; },
      function (x) { return x.names.indexOf(t) >= 0; },
      function (x) { return x.label.indexOf(t) === 0; },
      function (x) { return x.names.some(function (a) { return a.indexOf(t) === 0; }); },
      function (x) { return x.label.indexOf(t) >= 0; },
      function (x) { return x.names.some(function (a) { return a.indexOf(t) >= 0; }); }
    ];
    for (var i = 0; i < tests.length; i++) {
      var hit = terms.filter(tests[i]);
      if (hit.length) return hit[0].id;
    }
    return null;
  }
  var highlighted = [];
  function highlight(id) {
    var near = {};
    near[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { near[n] = true; });
    var incident = {};
    network.getConnectedEdges(id).forEach(function (e) { incident[e] = true; });
    nodes.update(nodes.getIds().map(function (n) { return { id: n, color: near[n] ? nodeColour[n] : GREY_NODE }; }));
    edges.update(edges.getIds().map(function (e) { return { id: e, color: incident[e] ? edgeColour[e] : GREY_EDGE }; }));
    highlighted = Object.keys(near).sort();
    showLabels("found", Object.keys(incident));
    network.selectNodes([id]);
    // a crowded page stops short of the zoom that labels every edge: the found actor's edges keep theirs
    network.focus(id, { scale: meta.declutter ? 0.9 * meta.labelZoom : Math.max(network.getScale(), 1.1), animation: false });
    showDetails("node", id);
    return highlighted;
  }
  function clearHighlight() {
    if (!highlighted.length) return;
    nodes.update(nodes.getIds().map(function (n) { return { id: n, color: nodeColour[n] }; }));
    edges.update(edges.getIds().map(function (e) { return { id: e, color: edgeColour[e] }; }));
    highlighted = [];
    showLabels("found", []);
    showLabels("select", []);
    network.unselectAll();
  }
  function onSearch() {
    var id = findActor(search.value);
    search.setAttribute("aria-invalid", id === null && search.value.trim() ? "true" : "false");
    if (id === null) { clearHighlight(); return; }
    highlight(id);
  }
  search.addEventListener("change", onSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") onSearch(); });
  document.getElementById("kg-search-clear").addEventListener("click", function () {
    search.value = "";
    search.setAttribute("aria-invalid", "false");
    clearHighlight();
    network.fit({ animation: false });
  });

  // ------------------------------------------------------------ layout: the filters drawer, the legend, resizing
  var toggle = document.getElementById("kg-controls-toggle");
  function openControls(open) {
    document.body.classList.toggle("kg-controls-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.addEventListener("click", function () { openControls(!document.body.classList.contains("kg-controls-open")); });
  document.getElementById("kg-controls-close").addEventListener("click", function () { openControls(false); });
  // on a phone or a short screen the legend starts folded: the graph gets the room, the summary line stays in view
  if (window.matchMedia("(max-width: 699px), (max-height: 699px)").matches) document.getElementById("kg-legend").open = false;
  // the graph's box changes with the details shown under it or the legend folded: redraw at once
  if (window.ResizeObserver) {
    new ResizeObserver(function () { network.setSize("100%", "100%"); network.redraw(); }).observe(container);
  }

  // ------------------------------------------------------------ ready
  function ready() {
    if (document.body.dataset.ready) return;
    window.kgReadyMs = performance.now();  // time to first usable picture, for benchmarks
    document.body.dataset.ready = "1";
  }
  if (meta.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      ready();
    });
  }
  network.once("afterDrawing", function () { if (!meta.physics) ready(); });
  status();

  // a small handle for tests and for analysts at the console
  window.kg = {
    network: network,
    nodes: nodes,
    edges: edges,
    visible: visible,
    applyFilters: applyFilters,
    highlight: highlight,
    clearHighlight: clearHighlight,
    highlighted: function () { return highlighted.slice(); },
    findActor: findActor,
    readDate: readDate,
    labelled: function () { return Object.keys(labelled).sort(); }
  };
})();
