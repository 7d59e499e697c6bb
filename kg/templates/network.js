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

  function eventBlock(ev, maxSentences, withLinks, withHead) {
    var box = el("div", null, "kg-event");
    if (withHead) box.appendChild(el("div", eventHead(ev), "kg-event-head"));
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
    if (total > maxSentences) {
      box.appendChild(el("div", "\u2026 " + (total - Math.min(maxSentences, ev.evidence.length)) + " more sentences", "kg-hint"));
    }
    return box;
  }

  function nodeEvents(id) {
    var out = [];
    network.getConnectedEdges(id).forEach(function (eid) {
      var e = edges.get(eid);
      if (e && !e.hidden) out.push(e.kg);
    });
    var n = nodes.get(id);
    ((n && n.loose) || []).forEach(function (ev) { if (passes(ev, readState(), id)) out.push(ev); });
    return out;
  }

  function details(kind, id, full) {
    var box = el("div");
    var maxEvents = full ? 50 : 4;
    var maxSentences = full ? 20 : 2;
    if (kind === "node") {
      var n = nodes.get(id);
      if (!n) return box;
      box.appendChild(el("h2", n.label));
      var kindLine = n.kindLabel + (n.country ? ", acts for " + n.country : "") + " \u00b7 " + n.events +
        (n.events === 1 ? " event" : " events");
      box.appendChild(el("div", kindLine, "kg-meta"));
      var evs = nodeEvents(id);
      evs.slice(0, maxEvents).forEach(function (ev) { box.appendChild(eventBlock(ev, maxSentences, full, true)); });
      if (evs.length > maxEvents) box.appendChild(el("div", "\u2026 " + (evs.length - maxEvents) + " more events", "kg-hint"));
    } else {
      var e = edges.get(id);
      if (!e) return box;
      box.appendChild(el("h2", eventHead(e.kg)));
      box.appendChild(eventBlock(e.kg, maxSentences, full, false));
    }
    return box;
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
  network.on("hoverEdge", function (p) { showTooltip("edge", p.edge, p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  container.addEventListener("mouseleave", hideTooltip);
  network.on("click", function (p) {
    if (p.nodes.length) showDetails("node", p.nodes[0]);
    else if (p.edges.length) showDetails("edge", p.edges[0]);
  });

  // ------------------------------------------------------------ filters
  var actionSelect = document.getElementById("kg-action");
  var actorSelect = document.getElementById("kg-actor");
  var modalityBox = document.getElementById("kg-modalities");
  var fromInput = document.getElementById("kg-date-from");
  var toInput = document.getElementById("kg-date-to");
  var undated = document.getElementById("kg-undated");
  var articleDated = document.getElementById("kg-article-dated");
  var minSources = document.getElementById("kg-min-sources");
  var search = document.getElementById("kg-search");
  var names = document.getElementById("kg-actor-names");

  meta.actions.forEach(function (a) { actionSelect.appendChild(new Option(a.label, a.name)); });
  var sorted = nodes.get().sort(function (a, b) { return a.label.localeCompare(b.label); });
  sorted.forEach(function (n) {
    actorSelect.appendChild(new Option(n.label, n.id));
    var opt = document.createElement("option");
    opt.value = n.label;
    names.appendChild(opt);
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
  function dateInput(input, pad) {
    var v = input.value.trim();
    var ok = v === "" || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v);
    input.setCustomValidity(ok ? "" : "YYYY, YYYY-MM or YYYY-MM-DD");
    return ok && v ? pad(v) : "";
  }

  function readState() {
    var mods = [];
    modalityBox.querySelectorAll("input.kg-modality").forEach(function (b) { if (b.checked) mods.push(b.value); });
    return {
      action: actionSelect.value,
      actor: actorSelect.value,
      modalities: mods,
      from: dateInput(fromInput, padStart),
      to: dateInput(toInput, padEnd),
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
    var shown = {};
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var ok = passes(e.kg, st);
      if (ok) { shown[e.from] = true; shown[e.to] = true; }
      if (!!e.hidden === ok) edgeUpdates.push({ id: e.id, hidden: !ok });
    });
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      if (!shown[n.id]) {
        (n.loose || []).forEach(function (ev) { if (passes(ev, st, n.id)) shown[n.id] = true; });
      }
      var ok = !!shown[n.id];
      if (!!n.hidden === ok) nodeUpdates.push({ id: n.id, hidden: !ok });
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    status();
  }

  function visible() {
    return {
      nodes: nodes.get({ filter: function (n) { return !n.hidden; } }).length,
      edges: edges.get({ filter: function (e) { return !e.hidden; } }).length
    };
  }

  function status() {
    var v = visible();
    document.getElementById("kg-status").textContent = "Showing " + v.nodes + " of " + nodes.length +
      " actors, " + v.edges + " of " + edges.length + " events";
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

  // ------------------------------------------------------------ search: highlight an actor and its neighbourhood
  var highlighted = [];
  function findActor(text) {
    var t = text.trim().toLowerCase();
    if (!t) return null;
    var exact = sorted.filter(function (n) { return n.label.toLowerCase() === t || String(n.id).toLowerCase() === t; });
    if (exact.length) return exact[0].id;
    var partial = sorted.filter(function (n) { return n.label.toLowerCase().indexOf(t) >= 0; });
    return partial.length ? partial[0].id : null;
  }
  function highlight(id) {
    var near = {};
    near[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { near[n] = true; });
    var incident = {};
    network.getConnectedEdges(id).forEach(function (e) { incident[e] = true; });
    nodes.update(nodes.getIds().map(function (n) { return { id: n, color: near[n] ? nodeColour[n] : GREY_NODE }; }));
    edges.update(edges.getIds().map(function (e) { return { id: e, color: incident[e] ? edgeColour[e] : GREY_EDGE }; }));
    highlighted = Object.keys(near).sort();
    network.selectNodes([id]);
    network.focus(id, { scale: 1.1, animation: false });
    showDetails("node", id);
    return highlighted;
  }
  function clearHighlight() {
    if (!highlighted.length) return;
    nodes.update(nodes.getIds().map(function (n) { return { id: n, color: nodeColour[n] }; }));
    edges.update(edges.getIds().map(function (e) { return { id: e, color: edgeColour[e] }; }));
    highlighted = [];
    network.unselectAll();
  }
  function onSearch() {
    var id = findActor(search.value);
    if (id === null) { clearHighlight(); return; }
    highlight(id);
  }
  search.addEventListener("change", onSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") onSearch(); });
  document.getElementById("kg-search-clear").addEventListener("click", function () {
    search.value = "";
    clearHighlight();
    network.fit({ animation: false });
  });

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
    highlighted: function () { return highlighted.slice(); }
  };
})();
