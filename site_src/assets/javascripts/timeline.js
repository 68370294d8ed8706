/* Timeline pages: an interactive vis-timeline view and entity/topic filters over the plain
   event list, which stays the source of truth and works without JavaScript. Event text is
   put in as text nodes, never as HTML.

   A page with an event list takes its filters from ?entity= and ?topic= and keeps them there.
   A large corpus splits the timeline: the timeline page then lists the years (#timeline-years,
   with per-year counts in data-* attributes) and draws one item per year, and each year page
   (timeline/2023/) has that year's event list, grouped by month. */
(function () {
  "use strict";
  var MAX_ITEMS = 500;  // events drawn one by one; more are drawn as one item per month
  var slice = function (nodes) { return Array.prototype.slice.call(nodes); };

  function shorten(text) {
    var span = document.createElement("span");
    span.textContent = text.length > 60 ? text.slice(0, 57) + "…" : text;
    span.title = text;
    return span;
  }

  function hasOption(select, value) {
    return slice(select.options).some(function (option) { return option.value === value; });
  }

  function toDate(iso) {
    var parts = iso.split("-").map(Number);
    return new Date(parts[0], (parts[1] || 1) - 1, parts[2] || 1);
  }

  /* The middle of a list section's period ("2023-10" or "2023"), where its item is drawn. */
  function middle(section) {
    var key = section.dataset.month ? section.dataset.month.slice(1) : section.dataset.year;
    var start = toDate(key);
    return key.length > 4 ? new Date(start.getFullYear(), start.getMonth(), 15)
                          : new Date(start.getFullYear(), 6, 1);
  }

  function eventsPage(list) {
    var items = slice(list.querySelectorAll("li.event"));
    var sections = slice(list.querySelectorAll("section.timeline-year, section.timeline-month"));
    var entitySelect = document.getElementById("timeline-entity");
    var topicSelect = document.getElementById("timeline-topic");
    var counter = document.getElementById("timeline-count");
    var container = document.getElementById("timeline-view");
    document.getElementById("timeline-filters").hidden = false;
    var query = new URLSearchParams(window.location.search);
    if (hasOption(entitySelect, query.get("entity"))) entitySelect.value = query.get("entity");
    if (hasOption(topicSelect, query.get("topic"))) topicSelect.value = query.get("topic");

    function visible(li) {
      var entity = entitySelect.value;
      var topic = topicSelect.value;
      return (!entity || li.dataset.entities.split(" ").indexOf(entity) >= 0) &&
             (!topic || li.dataset.topics.split(" ").indexOf(topic) >= 0);
    }

    /* One item per shown event; above MAX_ITEMS (vis-timeline slows down badly with more),
       one item per section with its count, which scrolls to the section. */
    function timelineItems(shown) {
      if (shown <= MAX_ITEMS) {
        var drawn = [];
        items.forEach(function (li, index) {
          if (li.hidden) return;
          var link = li.querySelector("a");
          drawn.push({ id: "e" + index, start: toDate(li.dataset.date),
                       content: shorten(link.textContent), href: link.href });
        });
        return drawn;
      }
      return sections.filter(function (section) { return !section.hidden; }).map(function (section, index) {
        var n = section.querySelectorAll("li.event:not([hidden])").length;
        return { id: "s" + index, start: middle(section),
                 content: shorten(section.querySelector("h2").textContent + " · " + n + " events"),
                 href: "#" + section.querySelector("h2").id };
      });
    }

    var timeline = null;
    function draw(shown) {
      if (!(window.vis && window.vis.Timeline) || !items.length) return;
      var shownWindow = timeline ? timeline.getWindow() : null;
      if (timeline) timeline.destroy();  // faster than updating thousands of items in place
      var data = new window.vis.DataSet(timelineItems(shown));
      timeline = new window.vis.Timeline(container, data, {
        height: "320px", stack: true, showCurrentTime: false, zoomMin: 1000 * 60 * 60 * 24 * 7
      });
      if (shownWindow) timeline.setWindow(shownWindow.start, shownWindow.end, { animation: false });
      timeline.on("select", function (props) {
        if (props.items.length) window.location.href = data.get(props.items[0]).href;
      });
    }

    function apply() {
      var shown = 0;
      items.forEach(function (li) {
        li.hidden = !visible(li);
        if (!li.hidden) shown += 1;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector("li.event:not([hidden])");
      });
      draw(shown);
      counter.textContent = shown + " of " + items.length + " events";
    }

    function remember() {  // the filters in the address, so a reload or a shared link keeps them
      var chosen = new URLSearchParams();
      if (entitySelect.value) chosen.set("entity", entitySelect.value);
      if (topicSelect.value) chosen.set("topic", topicSelect.value);
      var search = chosen.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    }

    function changed() {
      apply();
      remember();
    }

    entitySelect.addEventListener("change", changed);
    topicSelect.addEventListener("change", changed);
    apply();
  }

  function yearsPage(yearList) {
    var rows = slice(yearList.querySelectorAll("li[data-year]"));
    var focus = document.getElementById("timeline-focus");
    var counter = document.getElementById("timeline-count");
    document.getElementById("timeline-filters").hidden = false;

    function parseCounts(counts, prefix, value) {
      value.split(" ").forEach(function (pair) {
        var colon = pair.lastIndexOf(":");
        if (colon > 0) counts[prefix + pair.slice(0, colon)] = Number(pair.slice(colon + 1));
      });
    }

    rows.forEach(function (li) {
      li.counts = { "": Number(li.dataset.count) };
      parseCounts(li.counts, "entity=", li.dataset.entities);
      parseCounts(li.counts, "topic=", li.dataset.topics);
      li.link = li.querySelector("a");
      li.page = li.link.getAttribute("href");
      li.number = li.querySelector(".count");
    });

    function count(li) { return li.counts[focus.value] || 0; }

    function label(li) {
      var n = count(li);
      return li.dataset.year + " · " + n + (n === 1 ? " event" : " events");
    }

    var dataset = null;
    var view = null;
    if (window.vis && window.vis.Timeline && rows.length) {
      dataset = new window.vis.DataSet(rows.map(function (li, index) {
        var year = Number(li.dataset.year);
        return { id: index, start: new Date(year, 6, 1), content: shorten(label(li)) };
      }));
      view = new window.vis.DataView(dataset, { filter: function (item) { return count(rows[item.id]) > 0; } });
      var timeline = new window.vis.Timeline(document.getElementById("timeline-view"), view, {
        height: "320px", stack: true, showCurrentTime: false, zoomMin: 1000 * 60 * 60 * 24 * 30
      });
      timeline.on("select", function (props) {
        if (props.items.length) window.location.href = rows[props.items[0]].link.href;
      });
    }

    function apply() {
      var events = 0;
      var years = 0;
      var choice = focus.value ? focus.value.split("=") : null;
      var query = choice ? "?" + new URLSearchParams([[choice[0], choice.slice(1).join("=")]]) : "";
      rows.forEach(function (li, index) {
        var n = count(li);
        li.hidden = n === 0;
        li.number.textContent = n + (n === 1 ? " event" : " events");
        li.link.setAttribute("href", li.page + query);
        if (dataset) dataset.update({ id: index, content: shorten(label(li)) });
        events += n;
        if (n) years += 1;
      });
      if (view) view.refresh();
      counter.textContent = events + " events in " + years + (years === 1 ? " year" : " years");
    }

    focus.addEventListener("change", apply);
    apply();
  }

  var list = document.getElementById("timeline-list");
  var years = document.getElementById("timeline-years");
  if (list) eventsPage(list);
  else if (years) yearsPage(years);
})();
