/* Co-occurrence graphs (vis-network, vendored).

   The Graph page draws data/graph-view.json: entities with a layout and communities computed
   at build time (generator/graph.py), so nothing has to settle in the browser. An entity
   page's small graph comes inline (data-graph) and is laid out here, with a fixed seed.

   - Colour is the community, shape the type (dot person, square organisation, triangle
     place, diamond event, star other); size grows with mentions.
   - Links: each entity shown draws its strongest few links ("links per entity") to other
     entities shown, at or above the minimum weight; the type boxes hide types.
   - Labels are drawn at one size on screen, most mentioned first, only where they do not
     overlap a label already placed; zooming in makes room for more. Every node names itself
     on hover.
   - Clicking a node opens its page; the find box centres a node and offers its page's link.

   Names are plain labels and tooltips, never HTML. The lists on the pages work without
   JavaScript. For tests and the console: container.network, and data attributes on the
   container: ready (ms after navigation start when first usable), nodes, edges, nodeIds,
   focused. */
(function () {
  "use strict";
  var container = document.getElementById("graph-view");
  if (!container || !window.vis) return;
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                 "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939", "#8c6d31", "#7b4173",
                 "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#843c39"];
  var SHAPES = { person: "dot", organization: "square", place: "triangle", event: "diamond",
                 other: "star" };
  var LABEL_PX = 13;
  var base = container.dataset.base;
  var small = Boolean(container.dataset.graph);  // an entity page's neighbourhood
  var controls = document.getElementById("graph-controls");
  var slider = document.getElementById("graph-weight");
  var weightLabel = document.getElementById("graph-weight-value");
  var linksSelect = document.getElementById("graph-links");
  var find = document.getElementById("graph-find");
  var names = document.getElementById("graph-names");
  var found = document.getElementById("graph-found");
  var status = document.getElementById("graph-status");
  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("input[name=graph-type]"));

  function load() {
    if (small) return Promise.resolve(JSON.parse(container.dataset.graph));
    return fetch(container.dataset.src).then(function (response) { return response.json(); });
  }

  load().then(function (graph) {
    var nodes = graph.nodes;
    var edges = graph.edges;
    var byId = {};
    var communitySize = {};
    var maxMentions = 1;
    nodes.forEach(function (n, i) {
      n.index = i;
      n.links = [];
      byId[n.id] = n;
      communitySize[n.community] = (communitySize[n.community] || 0) + 1;
      maxMentions = Math.max(maxMentions, n.mentions);
    });
    edges.forEach(function (e, i) { nodes[e[0]].links.push(i); nodes[e[1]].links.push(i); });
    var other = function (e, i) { return e[0] === i ? e[1] : e[0]; };
    // A link's strength: shared articles over the geometric mean of the two entities'
    // articles (as generator/graph.py ranks them), so that the entities found everywhere do
    // not take every entity's strongest links.
    var strength = function (e) {
      return e[2] / Math.sqrt(Math.max(nodes[e[0]].articles, 1) * Math.max(nodes[e[1]].articles, 1));
    };
    nodes.forEach(function (n) {  // strongest first; ties: more shared, more mentioned, order
      n.links.sort(function (a, b) {
        var ea = edges[a], eb = edges[b];
        return strength(eb) - strength(ea) || eb[2] - ea[2] || nodes[other(eb, n.index)].mentions -
          nodes[other(ea, n.index)].mentions || other(ea, n.index) - other(eb, n.index);
      });
      n.size = 5 + 25 * Math.sqrt(n.mentions / maxMentions);
      n.colour = n.community !== null && communitySize[n.community] > 2 ?
        PALETTE[n.community % PALETTE.length] : "#9e9e9e";
    });
    if (small) nodes[0].size = Math.max(nodes[0].size, 20);  // the page's own entity
    var maxWeight = edges.reduce(function (m, e) { return Math.max(m, e[2]); }, 1);
    if (slider) {
      slider.max = String(maxWeight);
      slider.value = "1";
    }
    if (linksSelect) linksSelect.value = String(graph.default_links);
    if (names) {
      var fragment = document.createDocumentFragment();
      nodes.slice().sort(function (a, b) { return a.name.localeCompare(b.name); })
        .forEach(function (n) {
          var option = document.createElement("option");
          option.value = n.name;
          fragment.appendChild(option);
        });
      names.appendChild(fragment);
    }
    if (controls) controls.hidden = false;

    var style = getComputedStyle(container);
    var ink = style.color || "#222";
    var paper = getComputedStyle(document.body).backgroundColor || "#fff";
    var nodeSet = new window.vis.DataSet();
    var edgeSet = new window.vis.DataSet();
    var network = new window.vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
      nodes: { font: { size: LABEL_PX, color: ink, strokeWidth: 3, strokeColor: paper },
               borderWidth: 1 },
      edges: { color: { color: "#b4b4b4", highlight: "#424242", hover: "#616161" },
               smooth: false, scaling: { min: 1, max: 8 }, selectionWidth: 2 },
      physics: small ? { solver: "barnesHut", stabilization: { iterations: 300 },
                         barnesHut: { gravitationalConstant: -6000, springLength: 120 } }
        : false,
      layout: { randomSeed: 7, improvedLayout: small },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: !small }
    });
    container.network = network;  // for tests and the console
    var shown = [];  // nodes drawn, most mentioned first
    var forced = small ? nodes[0].id : null;  // drawn whatever the filters

    function draw() {
      var minimum = slider ? Number(slider.value) : 1;
      if (weightLabel) weightLabel.textContent = String(minimum);
      var perNode = linksSelect ? Number(linksSelect.value) || Infinity : graph.default_links;
      var types = {};
      if (typeBoxes.length) typeBoxes.forEach(function (b) { types[b.value] = b.checked; });
      var visible = nodes.map(function (n) { return typeBoxes.length ? types[n.type] : true; });
      if (forced) visible[byId[forced].index] = true;
      var kept = {};
      nodes.forEach(function (n) {
        if (!visible[n.index]) return;
        var taken = 0;
        for (var j = 0; j < n.links.length && taken < perNode; j++) {
          var e = edges[n.links[j]];
          if (e[2] < minimum || !visible[other(e, n.index)]) continue;
          kept[n.links[j]] = true;
          taken++;
        }
      });
      var on = {};
      var keptIds = Object.keys(kept).map(Number).sort(function (a, b) { return a - b; });
      keptIds.forEach(function (i) { on[edges[i][0]] = true; on[edges[i][1]] = true; });
      if (forced) on[byId[forced].index] = true;
      shown = nodes.filter(function (n) { return on[n.index]; });
      nodeSet.clear();
      edgeSet.clear();
      nodeSet.add(shown.map(function (n) {
        var item = { id: n.id, label: "", title: n.name + " · " + n.type + " · " + n.mentions +
                     " mention" + (n.mentions === 1 ? "" : "s"),
                     shape: SHAPES[n.type] || "dot", size: n.size, color: n.colour };
        if (small && n.index === 0) item.borderWidth = 3;
        if (!small) { item.x = n.x; item.y = n.y; }
        return item;
      }));
      edgeSet.add(keptIds.map(function (i) {
        var e = edges[i];
        return { id: i, from: nodes[e[0]].id, to: nodes[e[1]].id, value: e[2],
                 title: nodes[e[0]].name + " — " + nodes[e[1]].name + ": " + e[2] +
                   " shared article" + (e[2] === 1 ? "" : "s") };
      }));
      container.dataset.nodes = String(shown.length);
      container.dataset.edges = String(keptIds.length);
      container.dataset.nodeIds = shown.map(function (n) { return n.id; }).join(" ");
      if (status) {
        status.textContent = "Showing " + shown.length + " of " + nodes.length +
          " entities and " + keptIds.length + " links.";
      }
    }

    var measure = document.createElement("canvas").getContext("2d");
    function placeLabels() {
      var scale = network.getScale();
      network.setOptions({ nodes: { font: { size: LABEL_PX / scale } } });
      measure.font = LABEL_PX + "px " + (style.fontFamily || "sans-serif");
      var width = container.clientWidth, height = container.clientHeight;
      var ids = shown.map(function (n) { return n.id; });
      var positions = network.getPositions(ids);
      var order = shown.slice();
      var first = container.dataset.focused || forced;
      if (first && byId[first]) order.unshift(byId[first]);
      var cells = {};  // a grid of placed label boxes, 100 px a cell
      var placed = {};
      var updates = [];
      order.forEach(function (n) {
        if (placed[n.id] !== undefined || !positions[n.id]) return;
        var at = network.canvasToDOM(positions[n.id]);
        var w = measure.measureText(n.name).width + 6, h = LABEL_PX + 4;
        var box = { l: at.x - w / 2, r: at.x + w / 2, t: at.y + n.size * scale + 1 };
        box.b = box.t + h;
        var fits = box.r > 0 && box.l < width && box.b > 0 && box.t < height;
        var keys = [];
        for (var cx = Math.floor(box.l / 100); fits && cx <= Math.floor(box.r / 100); cx++) {
          for (var cy = Math.floor(box.t / 100); cy <= Math.floor(box.b / 100); cy++) {
            var key = cx + "," + cy;
            keys.push(key);
            fits = !(cells[key] || []).some(function (o) {
              return box.l < o.r && o.l < box.r && box.t < o.b && o.t < box.b;
            });
            if (!fits) break;
          }
        }
        placed[n.id] = fits;
        if (fits) keys.forEach(function (k) { (cells[k] = cells[k] || []).push(box); });
        updates.push({ id: n.id, label: fits ? n.name : "" });
      });
      nodeSet.update(updates);
      container.dataset.labels = String(updates.filter(function (u) { return u.label; }).length);
    }
    var pending = 0;
    function relabel() {
      window.clearTimeout(pending);
      pending = window.setTimeout(placeLabels, 120);
    }

    function ready() {
      placeLabels();
      if (!container.dataset.ready) container.dataset.ready = String(Math.round(performance.now()));
    }
    function redraw() {
      draw();
      if (small) return;  // physics settles, then "stabilized" relabels
      network.fit({ animation: false });
      placeLabels();
    }

    network.on("click", function (params) {
      if (params.nodes.length) window.location.href = base + byId[params.nodes[0]].url;
    });
    network.on("zoom", relabel);
    network.on("dragEnd", relabel);
    network.on("resize", relabel);
    if (small) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: false });
        network.fit({ animation: false });
        ready();
      });
    }
    if (slider) slider.addEventListener("input", redraw);
    if (linksSelect) linksSelect.addEventListener("change", redraw);
    typeBoxes.forEach(function (b) { b.addEventListener("change", redraw); });

    function locate() {
      var query = find.value.trim().toLowerCase();
      if (!query) return;
      var hit = nodes.filter(function (n) { return n.name.toLowerCase() === query; })[0] ||
        nodes.filter(function (n) { return n.name.toLowerCase().indexOf(query) >= 0; })[0];
      if (!hit) {
        found.hidden = true;
        if (status) status.textContent = "No entity in the graph is called “" + find.value + "”.";
        return;
      }
      forced = hit.id;
      container.dataset.focused = hit.id;
      typeBoxes.forEach(function (b) { if (b.value === hit.type) b.checked = true; });
      draw();
      network.selectNodes([hit.id]);
      network.focus(hit.id, { scale: Math.max(network.getScale(), 1.5), animation: false });
      placeLabels();
      found.href = base + hit.url;
      found.textContent = "Open the page of " + hit.name;
      found.hidden = false;
    }
    if (find) {
      find.addEventListener("change", locate);
      find.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); locate(); }
      });
    }

    draw();
    if (small) {
      network.stabilize(300);
    } else {
      network.fit({ animation: false });
      network.once("afterDrawing", ready);
    }
  });
})();
