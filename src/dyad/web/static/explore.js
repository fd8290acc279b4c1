// dyad web app: the explorer (/explore). One filter bar over a map, a timeline and the events
// table; a click on the map or a brush over the years filters all three. The whole state is
// the page's query string (history.replaceState), and the filters in it are exactly the
// parameters of /api/events, /api/map and /api/timeline, so a permalink is also an API query.
// Article text only ever reaches the page through textContent (never innerHTML).
"use strict";

(function () {
  if (document.body.dataset.page !== "explore") return;
  const lib = window.dyadLib;
  const { el, link, getJSON, showError } = lib;

  const PAGE = 50;
  const MAX_TIMELINE = 2000;
  const FILTERS = ["actor", "type", "quad", "modality", "country", "outlet", "precision",
                   "date_from", "date_to", "bbox"];
  // a filter's value when the URL does not name it: country centres are off, as on the map page
  const DEFAULTS = { precision: "not_centroid" };

  const form = document.getElementById("explore-filters");
  const field = (name) => form.elements.namedItem(name);
  const status = document.getElementById("explore-status");
  const fromRange = document.getElementById("from-range");
  const toRange = document.getElementById("to-range");
  const state = { offset: 0, generation: 0, map: null, clusters: null, timeline: null };

  // -- the date sliders: one step a month over the corpus' dated span ------------------------

  const span = { start: form.dataset.spanStart, end: form.dataset.spanEnd };
  const firstYear = span.start ? Number(span.start.slice(0, 4)) : 0;
  const lastMonth = span.start ? monthIndex(span.end, true) : 0;

  function monthIndex(text, end) {
    const year = Number(text.slice(0, 4));
    const month = text.length >= 7 ? Number(text.slice(5, 7)) : end ? 12 : 1;
    return (year - firstYear) * 12 + month - 1;
  }

  function monthText(i) {
    return String(firstYear + Math.floor(i / 12)) + "-" + String((i % 12) + 1).padStart(2, "0");
  }

  function clampMonth(i) {
    return Math.min(lastMonth, Math.max(0, i));
  }

  // the sliders where the date fields say (an end of the span when a field is empty)
  function syncSliders() {
    fromRange.max = toRange.max = String(lastMonth);
    const from = field("date_from").value;
    const to = field("date_to").value;
    fromRange.value = String(/^\d{4}/.test(from) ? clampMonth(monthIndex(from, false)) : 0);
    toRange.value = String(/^\d{4}/.test(to) ? clampMonth(monthIndex(to, true)) : lastMonth);
  }

  // a slider moved: its field says the month, empty at the span's end (no filter); the other
  // handle is pushed along so that the period never runs backwards
  function slid(which) {
    let from = Number(fromRange.value);
    let to = Number(toRange.value);
    if (from > to) {
      if (which === "from") to = from;
      else from = to;
      fromRange.value = String(from);
      toRange.value = String(to);
    }
    field("date_from").value = from === 0 ? "" : monthText(from);
    field("date_to").value = to === lastMonth ? "" : monthText(to);
  }

  // -- state: the form and the URL -------------------------------------------------------------

  function restore() {
    const params = new URLSearchParams(window.location.search);
    for (const name of FILTERS) {
      const input = field(name);
      const value = params.has(name) ? params.get(name) : DEFAULTS[name] || "";
      if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === value)) {
        // a value this database does not list: kept (the API says if it is wrong)
        input.append(el("option", { value: value }, value));
      }
      input.value = value;
    }
    state.offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
    syncSliders();
  }

  // The filters as query parameters: the empty ones left out, but for the place precision,
  // whose empty value (any place) is not its default.
  function filters() {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = field(name).value.trim();
      if (value || name in DEFAULTS) params.set(name, value);
    }
    return params;
  }

  function without(params, ...names) {
    const copy = new URLSearchParams(params);
    for (const name of names) copy.delete(name);
    return copy;
  }

  function change() {
    state.offset = 0;
    refresh();
  }

  async function refresh() {
    const generation = ++state.generation;
    const params = filters();
    const own = new URLSearchParams(params);
    if (state.offset) own.set("offset", String(state.offset));
    window.history.replaceState(null, "", "?" + own);
    document.getElementById("open-table").href = "/events?" + params;
    showPlace();
    markYears();
    document.body.dataset.explore = "loading";
    status.textContent = "";
    await Promise.all([table(params, generation), placeMap(params, generation),
                       timeline(params, generation), histogram(params, generation)]);
    if (generation === state.generation) {
      document.body.dataset.explore = "ready";
      const t = document.getElementById("explore-table").dataset;
      const m = document.getElementById("explore-map").dataset;
      if (!status.querySelector(".error-message")) {
        status.textContent = t.total + " events match; " + (m.events || 0) + " of them on the map at " +
          (m.markers || 0) + " places";
      }
    }
  }

  function failed(generation, err) {
    if (generation === state.generation) showError(status, err);
  }

  // What `loading` gives for the drawing `generation`, or null when it failed (the error is
  // shown) or a newer drawing has begun since.
  async function current(loading, generation) {
    try {
      const value = await loading;
      return generation === state.generation ? value : null;
    } catch (err) {
      failed(generation, err);
      return null;
    }
  }

  // -- the events table -----------------------------------------------------------------------

  function side(actors) {
    const cell = el("td");
    if (!actors || !actors.length) cell.append(el("span", { class: "muted" }, "–"));
    actors.forEach((a, i) => {
      if (i) cell.append(", ");
      cell.append(a.actor_id ? link("/actors/" + encodeURIComponent(a.actor_id), a.name, "actor")
                             : el("span", { class: "unknown", title: "not a known actor" }, a.name));
    });
    return cell;
  }

  function row(e) {
    const tr = el("tr", { "data-event": e.event_id });
    const type = el("td");
    type.append(link("/events/" + encodeURIComponent(e.event_id), e.type, "event-type q" + e.quad));
    if (e.mode) type.append(" ", el("span", { class: "muted" }, e.mode));
    const modality = el("td");
    modality.append(el("span", { class: "modality " + e.modality }, e.modality));
    tr.append(el("td", { class: "date" }, e.date || ""), side(e.sources), type, side(e.targets),
      modality, el("td", {}, e.place_name || ""),
      el("td", { class: "num" }, e.n_sources),
      el("td", { class: "sentence" }, e.mentions && e.mentions.length ? e.mentions[0].text : ""));
    return tr;
  }

  async function table(params, generation) {
    const query = new URLSearchParams(params);
    query.set("limit", String(PAGE));
    query.set("offset", String(state.offset));
    const page = await current(getJSON("/api/events?" + query), generation);
    if (page === null) return;
    const box = document.getElementById("explore-table");
    const none = el("tr");
    none.append(el("td", { colspan: "8", class: "muted" }, "No events."));
    box.tBodies[0].replaceChildren(...(page.items.length ? page.items.map(row) : [none]));
    box.dataset.total = String(page.total);
    box.dataset.rows = String(page.items.length);
    document.getElementById("explore-rows").textContent = (page.total ? page.offset + 1 : 0) + "–" +
      (page.offset + page.items.length) + " of " + page.total;
    document.getElementById("explore-prev").disabled = page.offset === 0;
    document.getElementById("explore-next").disabled = page.next_offset === null;
  }

  // -- the map: a click on a circle or a cluster keeps the events in its box ------------------

  function bboxOf(west, south, east, north) {
    const lon = (x) => Math.min(180, Math.max(-180, x));
    const lat = (y) => Math.min(90, Math.max(-90, y));
    return [lon(west), lat(south), lon(east), lat(north)].map(String).join(",");
  }

  function keepBox(bbox) {
    field("bbox").value = bbox;
    change();
  }

  function showPlace() {
    const bbox = field("bbox").value;
    document.getElementById("place-chip").hidden = !bbox;
    document.getElementById("place-box").textContent = bbox;
  }

  async function placeMap(params, generation) {
    const box = document.getElementById("explore-map");
    if (!state.map) {
      state.map = await lib.baseMap(box, document.getElementById("explore-map-count"));
      // no animation: the views are ready only once the clusters stand where a click finds them
      // (an animated refit moved them after 'ready' on a loaded CI machine: a click hit nothing)
      state.clusters = L.markerClusterGroup({ maxClusterRadius: 45, showCoverageOnHover: false,
        zoomToBoundsOnClick: false, animate: false, iconCreateFunction: lib.clusterIcon });
      state.clusters.on("clusterclick", (event) => {
        const b = event.layer.getBounds();
        keepBox(bboxOf(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()));
      });
      state.clusters.addTo(state.map);
      window.dyadMap = state.map;
      window.dyadClusters = state.clusters;
    }
    const data = await current(getJSON("/api/map?" + params), generation);
    if (data === null) return;
    const places = lib.placesOf(data.features);
    state.clusters.clearLayers();
    state.clusters.addLayers(places.map((place) => {
      const marker = lib.placeMarker(place);
      marker.unbindPopup(); // a click filters instead; the tooltip still names the place
      marker.on("click", () => keepBox(bboxOf(place.lon, place.lat, place.lon, place.lat)));
      return marker;
    }));
    box.dataset.markers = String(places.length);
    box.dataset.events = String(data.features.length);
    document.getElementById("explore-map-count").textContent = data.features.length +
      " placed events at " + places.length + " places" +
      (data.total > data.features.length ? " (the first " + data.features.length + " of " + data.total + ")" : "");
    const bbox = field("bbox").value.split(",").map(Number);
    if (bbox.length === 4 && bbox.every(Number.isFinite)) {
      state.map.fitBounds(L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]).pad(0.2), { maxZoom: 8, animate: false });
    } else if (data.focus.all) {
      state.map.fitBounds(L.latLngBounds(data.focus.all).pad(0.15), { maxZoom: 8, animate: false });
    }
  }

  // -- the timeline and the years under it: a brush over the years sets the dates -------------

  async function timeline(params, generation) {
    const box = document.getElementById("explore-timeline");
    const both = await current(Promise.all([lib.fetchEvents(params, MAX_TIMELINE),
      getJSON("/api/timeline?" + params)]), generation);
    if (both === null) return;
    const [found, counts] = both;
    if (state.timeline) state.timeline.destroy();
    state.timeline = lib.drawTimeline(box, found.items, counts.window);
    window.dyadTimeline = state.timeline;
    document.getElementById("explore-timeline-count").textContent = box.dataset.items + " dated events" +
      (found.total > found.items.length ? " of the first " + found.items.length + " of " + found.total : "");
  }

  // Events per year under every filter but the dates, so that the brush shows the whole span.
  async function histogram(params, generation) {
    const counts = await current(
      getJSON("/api/timeline?every=year&" + without(params, "date_from", "date_to")), generation);
    if (counts === null) return;
    const box = document.getElementById("histogram");
    const byYear = new Map(counts.counts.map((c) => [Number(c.period), c]));
    const years = [...byYear.keys()];
    const bars = [];
    if (years.length) {
      const most = Math.max(...counts.counts.map((c) => c.n));
      for (let y = Math.min(...years); y <= Math.max(...years); y++) {
        const c = byYear.get(y) || { n: 0, conflict: 0 };
        const bar = el("div", { class: "year", "data-year": String(y),
          title: y + ": " + c.n + " events (" + c.conflict + " conflict)" });
        const fill = el("span");
        fill.style.height = (c.n ? 8 + 92 * c.n / most : 0).toFixed(1) + "%";
        bar.append(fill);
        bars.push(bar);
      }
    }
    box.replaceChildren(...bars);
    if (bars.length) {
      box.append(el("span", { class: "first" }, bars[0].dataset.year),
                 el("span", { class: "last" }, bars[bars.length - 1].dataset.year));
    }
    markYears();
  }

  // the years inside the date filter (all of them without one) drawn as chosen
  function markYears(brush) {
    const from = brush ? String(brush[0]) : field("date_from").value.slice(0, 4);
    const to = brush ? String(brush[1]) : field("date_to").value.slice(0, 4);
    for (const bar of document.querySelectorAll("#histogram .year")) {
      const y = bar.dataset.year;
      bar.classList.toggle("in", (!from || y >= from) && (!to || y <= to));
    }
  }

  const brush = { anchor: null, end: null };

  function yearAt(event) {
    const bar = event.target.closest && event.target.closest("#histogram .year");
    return bar ? Number(bar.dataset.year) : null;
  }

  function brushed() {
    return [Math.min(brush.anchor, brush.end), Math.max(brush.anchor, brush.end)];
  }

  function startBrush(event) {
    const year = yearAt(event);
    if (year === null) return;
    event.preventDefault();
    brush.anchor = brush.end = year;
    markYears(brushed());
  }

  function moveBrush(event) {
    if (brush.anchor === null) return;
    const year = yearAt(event);
    if (year !== null && year !== brush.end) {
      brush.end = year;
      markYears(brushed());
    }
  }

  function endBrush() {
    if (brush.anchor === null) return;
    const [from, to] = brushed();
    brush.anchor = brush.end = null;
    field("date_from").value = String(from);
    field("date_to").value = String(to);
    syncSliders();
    change();
  }

  // -- wiring ---------------------------------------------------------------------------------

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    change();
  });
  for (const name of ["actor", "type", "quad", "modality", "country", "outlet", "precision"]) {
    field(name).addEventListener("change", change);
  }
  for (const name of ["date_from", "date_to"]) {
    field(name).addEventListener("change", () => {
      if (!field(name).checkValidity()) return; // the browser says what is wrong
      syncSliders();
      change();
    });
  }
  fromRange.addEventListener("input", () => slid("from"));
  toRange.addEventListener("input", () => slid("to"));
  fromRange.addEventListener("change", change);
  toRange.addEventListener("change", change);
  document.getElementById("clear-place").addEventListener("click", () => keepBox(""));
  document.getElementById("map-view").addEventListener("click", () => {
    const b = state.map.getBounds();
    keepBox(bboxOf(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()));
  });
  document.getElementById("timeline-window").addEventListener("click", () => {
    if (!state.timeline) return;
    const w = state.timeline.getWindow();
    field("date_from").value = w.start.toISOString().slice(0, 10);
    field("date_to").value = w.end.toISOString().slice(0, 10);
    syncSliders();
    change();
  });
  document.getElementById("explore-prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    refresh();
  });
  document.getElementById("explore-next").addEventListener("click", () => {
    state.offset += PAGE;
    refresh();
  });
  const years = document.getElementById("histogram");
  years.addEventListener("pointerdown", startBrush);
  years.addEventListener("pointerover", moveBrush);
  years.addEventListener("pointermove", moveBrush);
  window.addEventListener("pointerup", endBrush);

  restore();
  refresh();
})();
