/* Co-occurrence graph (vis-network, vendored): entities as nodes coloured by type and sized
   by mentions, edges weighted by the number of articles two entities share. A minimum-weight
   filter keeps large corpora readable; clicking a node opens the entity page. Names are set
   as plain labels, never HTML. The plain list on the page works without JavaScript. */
(function () {
  "use strict";
  var container = document.getElementById("graph-view");
  if (!container || !window.vis) return;
  var COLOURS = { person: "#1565c0", organization: "#c62828", place: "#2e7d32",
                  event: "#ef6c00", other: "#6a1b9a" };
  var focus = container.dataset.focus || "";
  var slider = document.getElementById("graph-weight");
  var label = document.getElementById("graph-weight-value");
  var controls = document.getElementById("graph-controls");
  var base = container.dataset.base;

  fetch(container.dataset.src).then(function (response) { return response.json(); })
    .then(function (graph) {
      var edges = graph.edges;
      if (focus) {
        edges = edges.filter(function (e) { return e.source === focus || e.target === focus; });
      }
      var maxWeight = edges.reduce(function (m, e) { return Math.max(m, e.weight); }, 1);
      if (slider) {
        slider.max = String(maxWeight);
        slider.value = String(Math.min(Number(container.dataset.minWeight || 1), maxWeight));
        controls.hidden = false;
      }
      var nodesById = {};
      graph.nodes.forEach(function (n) { nodesById[n.id] = n; });
      var nodes = new window.vis.DataSet();
      var links = new window.vis.DataSet();
      var network = new window.vis.Network(container, { nodes: nodes, edges: links }, {
        nodes: { shape: "dot", font: { size: 14 } },
        edges: { color: { inherit: false, color: "#9e9e9e" }, smooth: false },
        physics: { stabilization: { iterations: 150 }, barnesHut: { gravitationalConstant: -4000 } },
        interaction: { hover: true, tooltipDelay: 150 }
      });
      container.network = network;  // for tests and the console
      network.on("click", function (params) {
        if (params.nodes.length) window.location.href = base + nodesById[params.nodes[0]].url;
      });
      network.on("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });

      function draw() {
        var minimum = slider ? Number(slider.value) : 1;
        if (label) label.textContent = String(minimum);
        var kept = edges.filter(function (e) { return e.weight >= minimum; });
        var ids = {};
        if (focus) ids[focus] = true;
        kept.forEach(function (e) { ids[e.source] = true; ids[e.target] = true; });
        nodes.clear();
        links.clear();
        nodes.add(Object.keys(ids).filter(function (id) { return nodesById[id]; }).map(function (id) {
          var n = nodesById[id];
          return { id: id, label: n.name, title: n.name + " (" + n.mentions + " mentions)",
                   value: n.mentions, color: COLOURS[n.type] || COLOURS.other };
        }));
        links.add(kept.map(function (e, i) {
          return { id: i, from: e.source, to: e.target, value: e.weight,
                   title: e.weight + " shared article(s)" };
        }));
        network.setOptions({ physics: true });
        container.dataset.nodes = String(nodes.length);
        container.dataset.nodeIds = nodes.getIds().join(" ");
      }
      if (slider) slider.addEventListener("input", draw);
      draw();
    });
})();
