/* Timeline page: an interactive vis-timeline view and entity/topic filters over the plain
   event list, which stays the source of truth and works without JavaScript. Event text is
   put in as text nodes, never as HTML. */
(function () {
  "use strict";
  var list = document.getElementById("timeline-list");
  if (!list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li.event"));
  var entitySelect = document.getElementById("timeline-entity");
  var topicSelect = document.getElementById("timeline-topic");
  var counter = document.getElementById("timeline-count");
  document.getElementById("timeline-filters").hidden = false;

  function toDate(iso) {
    var parts = iso.split("-").map(Number);
    return new Date(parts[0], (parts[1] || 1) - 1, parts[2] || 1);
  }

  function label(li) {
    var text = li.querySelector("a").textContent;
    var span = document.createElement("span");
    span.textContent = text.length > 60 ? text.slice(0, 57) + "…" : text;
    span.title = text;
    return span;
  }

  var dataset = null;
  var view = null;
  if (window.vis && window.vis.Timeline && items.length) {
    dataset = new window.vis.DataSet(items.map(function (li, index) {
      return { id: index, start: toDate(li.dataset.date), content: label(li) };
    }));
    view = new window.vis.DataView(dataset, { filter: function (item) { return visible(items[item.id]); } });
    var timeline = new window.vis.Timeline(document.getElementById("timeline-view"), view, {
      height: "320px", stack: true, showCurrentTime: false, zoomMin: 1000 * 60 * 60 * 24 * 7
    });
    timeline.on("select", function (props) {
      if (props.items.length) window.location.href = items[props.items[0]].querySelector("a").href;
    });
  }

  function visible(li) {
    var entity = entitySelect.value;
    var topic = topicSelect.value;
    return (!entity || li.dataset.entities.split(" ").indexOf(entity) >= 0) &&
           (!topic || li.dataset.topics.split(" ").indexOf(topic) >= 0);
  }

  function apply() {
    var shown = 0;
    items.forEach(function (li) {
      li.hidden = !visible(li);
      if (!li.hidden) shown += 1;
    });
    Array.prototype.forEach.call(list.querySelectorAll("section.timeline-year"), function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    if (view) view.refresh();
    counter.textContent = shown + " of " + items.length + " events";
  }

  entitySelect.addEventListener("change", apply);
  topicSelect.addEventListener("change", apply);
  apply();
})();
