// dyad web app: draws the network, map and timelines from the JSON API.
// Article text only ever reaches the page through textContent (never innerHTML).
"use strict";

(function () {
  const MAX_NODES = 150; // the network page draws the most active actors
  const MAX_TIMELINE = 2000;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function link(href, text, cls) {
    return el("a", cls ? { href: href, class: cls } : { href: href }, text);
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    return body;
  }

  function showError(container, err) {
    container.replaceChildren(el("p", { class: "error-message" }, err.message || String(err)));
  }

  // The filter form's values as query parameters (empty ones left out).
  function formParams(form) {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) params.append(key, value);
    return params;
  }

  // Fill a GET form from the page's own query string.
  function fillForm(form) {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of params) {
      const field = form.elements.namedItem(key);
      if (!field) continue;
      if (field.type === "checkbox") field.checked = value === "true";
      else field.value = value;
    }
    return formParams(form);
  }

  function names(side) {
    return side && side.length ? side.map((a) => a.name).join(", ") : "–";
  }

  function eventLabel(e) {
    return names(e.sources) + " → " + e.type + " → " + names(e.targets);
  }

  // -- network ------------------------------------------------------------------------------

  // Camp colours: none of them the green or red of a line's sign; actors in no camp are grey.
  const CAMP_COLOURS = ["#1f77b4", "#ff7f0e", "#9467bd", "#17becf", "#8c564b", "#e377c2",
                        "#bcbd22", "#393b79", "#7f7f7f", "#637939"];
  const NO_CAMP = "#c4c9d0";
  // The view's choices and their defaults: left out of the page's URL when at the default.
  const NETWORK_VIEW = { layout: "cose", min_weight: "0", size: "degree", find: "" };
  const NODE_SIZE = [16, 56]; // smallest and largest node, in pixels
  const net = { cy: null, weights: [] };

  function campColour(camp) {
    return camp === null || camp === undefined ? NO_CAMP : CAMP_COLOURS[camp % CAMP_COLOURS.length];
  }

  function network() {
    const form = document.getElementById("network-filters");
    const view = document.getElementById("network-view");
    fillForm(view);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      saveNetworkState();
      drawNetwork(formParams(form));
    });
    view.addEventListener("submit", (event) => {  // Enter in the search box
      event.preventDefault();
      findNode();
      saveNetworkState();
    });
    view.elements.layout.addEventListener("change", () => { runLayout(); saveNetworkState(); });
    view.elements.size.addEventListener("change", () => { sizeNodes(); saveNetworkState(); });
    view.elements.min_weight.addEventListener("input", () => {
      syncWeightSlider();
      applyWeight();
      saveNetworkState();
    });
    document.getElementById("min-weight-range").addEventListener("input", (event) => {
      // the slider steps through the weights drawn, so that every step hides something
      const i = Number(event.target.value);
      view.elements.min_weight.value = i ? String(net.weights[i - 1]) : "0";
      applyWeight();
      saveNetworkState();
    });
    view.elements.find.addEventListener("change", () => { findNode(); saveNetworkState(); });
    drawNetwork(fillForm(form));
  }

  // The filters and the view's choices as the page's own URL: every state is a permalink.
  function saveNetworkState() {
    const params = formParams(document.getElementById("network-filters"));
    for (const [key, value] of formParams(document.getElementById("network-view"))) {
      if (value !== NETWORK_VIEW[key]) params.append(key, value);
    }
    window.history.replaceState(null, "", "?" + params);
  }

  function viewChoice(name) {
    const field = document.getElementById("network-view").elements.namedItem(name);
    return field.value || NETWORK_VIEW[name];
  }

  async function drawNetwork(params) {
    const box = document.getElementById("cy");
    let data;
    try {
      data = await getJSON("/api/network?" + params);
    } catch (err) {
      showError(box, err);
      return;
    }
    const nodes = data.nodes.slice().sort((a, b) => b.n_events - a.n_events).slice(0, MAX_NODES);
    const shown = new Set(nodes.map((n) => n.actor_id));
    // one undirected edge per pair relation (both directions summed by the server)
    const edges = data.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
    const degree = new Map(nodes.map((n) => [n.actor_id, 0]));
    const strength = new Map(nodes.map((n) => [n.actor_id, 0]));
    for (const e of edges) {
      for (const id of [e.source, e.target]) {
        degree.set(id, degree.get(id) + 1);
        strength.set(id, strength.get(id) + e.weight);
      }
    }
    const elements = nodes.map((n) => ({
      data: {
        id: n.actor_id,
        label: n.name,
        camp: n.camp === null || n.camp === undefined ? -1 : n.camp,
        colour: campColour(n.camp),
        degree: degree.get(n.actor_id),
        strength: strength.get(n.actor_id),
        events: n.n_events,
        size: NODE_SIZE[0],
      },
    }));
    const maxWeight = Math.max(1e-9, ...edges.map((e) => e.weight));
    for (const e of edges) {
      elements.push({
        data: {
          id: "e:" + e.source + "|" + e.target,
          source: e.source,
          target: e.target,
          sign: e.sign,
          weight: e.weight,
          colour: e.sign > 0 ? "#2e7d32" : e.sign < 0 ? "#c0392b" : "#9ca3af",
          line: e.mixed ? "dashed" : "solid",
          width: 1 + 7 * Math.sqrt(e.weight / maxWeight),
          edge: e,
        },
      });
    }
    box.replaceChildren();
    const cy = cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
          "background-color": "data(colour)", "font-size": 10, "text-wrap": "ellipsis",
          "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)",
          "line-style": "data(line)", "curve-style": "straight", opacity: 0.75 } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#111", opacity: 1 } },
        { selector: "node.found", style: { "border-width": 4, "border-color": "#111",
          "font-weight": "bold", "font-size": 13, "z-index": 10 } },
        { selector: ".faded", style: { opacity: 0.15 } },
      ],
      layout: { name: "preset" },
    });
    net.cy = cy;
    net.weights = [...new Set(edges.map((e) => e.weight))].sort((a, b) => a - b);
    const slider = document.getElementById("min-weight-range");
    slider.max = String(net.weights.length);
    syncWeightSlider();
    const names = document.getElementById("network-names");
    names.replaceChildren(...nodes.map((n) => el("option", { value: n.name })));
    cy.on("tap", "node", (event) => {
      window.location.href = "/actors/" + encodeURIComponent(event.target.id());
    });
    cy.on("tap", "edge", (event) => showEvidence(event.target.data("edge")));
    cy.on("tap", (event) => { if (event.target === cy) clearFound(); });
    sizeNodes();
    applyWeight();
    box.dataset.nodes = String(nodes.length);
    box.dataset.edges = String(edges.length);
    window.dyadNetwork = cy; // for tests and the console
    showBalance(data, nodes.length);
  }

  // Node size by the chosen measure over the lines drawn: the square root, so that the area
  // grows with it; equal measures, equal sizes.
  function sizeNodes() {
    const cy = net.cy;
    if (!cy) return;
    const measure = viewChoice("size");
    const top = Math.max(1e-9, ...cy.nodes().map((n) => n.data(measure)));
    cy.batch(() => cy.nodes().forEach((n) => {
      n.data("size", NODE_SIZE[0] + (NODE_SIZE[1] - NODE_SIZE[0]) * Math.sqrt(n.data(measure) / top));
    }));
  }

  function minWeight() {
    const value = Number(viewChoice("min_weight"));
    return Number.isFinite(value) && value > 0 ? value : 0;
  }

  // The slider's position for the number typed: the count of drawn weights below it.
  function syncWeightSlider() {
    const w = minWeight();
    document.getElementById("min-weight-range").value = String(net.weights.filter((x) => x < w).length);
  }

  // The minimum weight applied: the lines and actors it keeps laid out again (cose starts from
  // where they were), the actor searched for found again.
  function applyWeight() {
    filterWeight();
    runLayout();
    if (viewChoice("find")) findNode();
  }

  // Hide the lines lighter than the minimum weight, then the actors left with no line.
  function filterWeight() {
    const cy = net.cy;
    if (!cy) return;
    const w = minWeight();
    cy.batch(() => {
      cy.edges().forEach((e) => e.style("display", e.data("weight") >= w ? "element" : "none"));
      cy.nodes().forEach((n) => {
        const kept = w === 0 || n.connectedEdges().some((e) => e.data("weight") >= w);
        n.style("display", kept ? "element" : "none");
      });
    });
    const box = document.getElementById("cy");
    const edges = cy.edges(":visible").length;
    const nodes = cy.nodes(":visible").length;
    box.dataset.shownEdges = String(edges);
    box.dataset.shownNodes = String(nodes);
    document.getElementById("network-status").textContent = w
      ? edges + " of " + cy.edges().length + " lines of weight ≥ " + w + ", " + nodes + " actors"
      : "";
  }

  function layoutOptions(name) {
    const byCamp = (a, b) => a.data("camp") - b.data("camp") || b.data("degree") - a.data("degree");
    switch (name) {
      case "concentric":
        return { name: "concentric", concentric: (n) => n.data("degree"), minNodeSpacing: 12,
                 levelWidth: () => Math.max(1, net.cy.nodes().max((n) => n.data("degree")).value / 4) };
      case "circle":
        return { name: "circle", sort: byCamp };
      case "grid":
        return { name: "grid", sort: byCamp, avoidOverlapPadding: 20 };
      case "breadthfirst": {
        const visible = net.cy.nodes(":visible");
        const root = visible.length ? visible.max((n) => n.data("degree")).ele : null;
        return { name: "breadthfirst", directed: false, spacingFactor: 1.1,
                 roots: root ? net.cy.collection(root) : undefined };
      }
      default:
        return { name: "cose", randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 };
    }
  }

  // Lay out the actors shown and fit them in the view.
  function runLayout() {
    const cy = net.cy;
    if (!cy) return;
    const shown = cy.elements(":visible");
    if (!shown.length) return;
    const options = Object.assign(layoutOptions(viewChoice("layout")),
                                  { animate: false, fit: false, padding: 30 });
    shown.layout(options).run();
    cy.fit(shown, 30);
  }

  function clearFound() {
    if (!net.cy) return;
    net.cy.elements().removeClass("found faded").unselect();
  }

  // Select the actor named in the search box, bring out its neighbours and centre it.
  function findNode() {
    const cy = net.cy;
    const status = document.getElementById("network-status");
    if (!cy) return;
    clearFound();
    const query = viewChoice("find").trim().toLowerCase();
    if (!query) { filterWeight(); return; }
    const nodes = cy.nodes().toArray();
    const byDegree = (a, b) => b.data("degree") - a.data("degree");
    const exact = nodes.filter((n) => n.data("label").toLowerCase() === query || n.id() === query);
    const partial = nodes.filter((n) => n.data("label").toLowerCase().includes(query)).sort(byDegree);
    const node = exact[0] || partial[0];
    if (!node) {
      status.textContent = "no actor drawn matches “" + viewChoice("find") + "”";
      return;
    }
    if (!node.visible()) {
      status.textContent = node.data("label") + " has no line of the minimum weight";
      return;
    }
    node.select();
    node.addClass("found");
    cy.elements(":visible").not(node.closedNeighborhood()).addClass("faded");
    cy.fit(node.closedNeighborhood(), 60);
    // the node itself in the middle (cy.center would centre its box, label included)
    const at = node.position();
    cy.pan({ x: cy.width() / 2 - at.x * cy.zoom(), y: cy.height() / 2 - at.y * cy.zoom() });
    status.textContent = node.data("label") + ": " + node.data("degree") + " lines, " +
      node.data("events") + " events";
  }

  function showBalance(data, shown) {
    const balance = document.getElementById("balance");
    balance.replaceChildren();
    const b = data.balance;
    const facts = [
      ["actors", shown < data.nodes.length ? shown + " of " + data.nodes.length + " shown" : data.nodes.length],
      ["relations", b.relations + " (" + b.positive + " +, " + b.negative + " −" +
        (b.unsigned ? ", " + b.unsigned + " cancelled" : "") + "; " + b.mixed + " mixed)"],
      ["balanced triads", b.balanced + " of " + (b.balanced + b.unbalanced)],
      ["balance ratio", b.balance_ratio === null ? "–" : b.balance_ratio.toFixed(2)],
      ["weak balance", b.weak_balance_ratio === null ? "–" : b.weak_balance_ratio.toFixed(2)],
      ["frustration", b.frustration.toFixed(2) + (b.frustration_exact ? " (exact)" : " (bound)")],
    ];
    for (const [key, value] of facts) {
      balance.append(el("dt", {}, key), el("dd", {}, value));
    }
    // the camps as the legend of the node colours: a swatch, the camp's size, its members
    const camps = document.getElementById("camps");
    camps.replaceChildren();
    const byCamp = new Map();
    for (const n of data.nodes) {
      const camp = n.camp === null || n.camp === undefined ? -1 : n.camp;
      if (!byCamp.has(camp)) byCamp.set(camp, []);
      byCamp.get(camp).push(n);
    }
    const order = [...byCamp.entries()].sort((a, b) => (a[0] < 0) - (b[0] < 0) || a[0] - b[0]);
    for (const [camp, members] of order) {
      const item = el("li");
      const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = campColour(camp < 0 ? null : camp);
      item.append(swatch, el("b", {}, (camp < 0 ? "no camp" : "camp " + camp) +
        " (" + members.length + "): "));
      members.sort((a, b) => b.n_events - a.n_events);
      members.slice(0, 12).forEach((n, i) => {
        if (i) item.append(", ");
        item.append(link("/actors/" + encodeURIComponent(n.actor_id), n.name, "actor"));
      });
      if (members.length > 12) item.append(" and " + (members.length - 12) + " more");
      camps.append(item);
    }
  }

  async function showEvidence(edge) {
    const box = document.getElementById("evidence");
    box.replaceChildren();
    const head = el("p");
    head.append(
      link("/actors/" + encodeURIComponent(edge.source), edge.source_name, "actor"),
      " – ",
      link("/actors/" + encodeURIComponent(edge.target), edge.target_name, "actor")
    );
    box.append(head);
    const verdict = edge.sign > 0 ? "cooperation" : edge.sign < 0 ? "conflict" : "cancelled out";
    box.append(el("p", { class: edge.sign > 0 ? "pos" : edge.sign < 0 ? "neg" : "muted" },
      verdict + ", weight " + edge.weight.toFixed(2) + ", " + edge.n_events + " events" +
      (edge.first ? ", " + edge.first + " – " + edge.last : "") +
      (edge.mixed ? " (mixed: cooperation " + edge.cooperation.toFixed(2) + ", conflict " +
        edge.conflict.toFixed(2) + ")" : "")));
    const ways = el("ul", { class: "directions" });
    for (const [side, from, to] of [["forward", edge.source_name, edge.target_name],
                                    ["reverse", edge.target_name, edge.source_name]]) {
      const n = edge[side + "_n_events"];
      if (!n) continue;
      const sign = edge[side + "_sign"];
      ways.append(el("li", { class: sign > 0 ? "pos" : sign < 0 ? "neg" : "muted" },
        from + " → " + to + ": " + n + " events, " + (sign > 0 ? "+" : sign < 0 ? "−" : "±") +
        edge[side + "_weight"].toFixed(2)));
    }
    box.append(ways);
    box.append(el("p", { class: "muted" }, edge.types.map((t) => t.type + " ×" + t.n_events).join(", ")));
    const list = el("ul");
    box.append(list);
    const ids = edge.event_ids.slice(0, 12);
    const events = await Promise.all(ids.map((id) => getJSON("/api/events/" + encodeURIComponent(id)).catch(() => null)));
    for (const e of events) {
      if (!e) continue;
      const item = el("li");
      item.append(link("/events/" + encodeURIComponent(e.event_id), e.type, "event-type q" + e.quad));
      item.append(" " + (e.date || "undated") + " ");
      item.append(el("q", {}, e.mentions.length ? e.mentions[0].text : ""));
      list.append(item);
    }
    if (edge.event_ids.length > ids.length) box.append(el("p", { class: "muted" }, (edge.event_ids.length - ids.length) + " more events"));
  }

  // -- map ----------------------------------------------------------------------------------

  // Rings that cross the antimeridian jump from +180 to -180; shift the rest of the ring by
  // 360 degrees so that Leaflet draws them whole instead of as bands across the world.
  function unwrapRing(ring) {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      const step = i > 0 ? lon - ring[i - 1][0] : 0;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
      return [lon + shift, lat];
    });
  }

  function unwrap(geometry) {
    if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapRing);
    else if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((p) => p.map(unwrapRing));
    return geometry;
  }

  // -- map (issue 27: clusters, size by events, colour by quad class, precision) ------------

  const QUAD_FILL = { 1: "#66bb6a", 2: "#1b5e20", 3: "#f39c12", 4: "#b71c1c" };
  const QUAD_NAME = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  // The events at one point (the same coordinates) as one place: a marker sized by their count.
  function placesOf(features) {
    const places = new Map();
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates;
      const key = lat.toFixed(4) + "," + lon.toFixed(4);
      if (!places.has(key)) {
        places.set(key, { lat: lat, lon: lon, name: feature.properties.place_name,
          precision: feature.properties.precision, centroid: feature.properties.centroid, events: [] });
      }
      places.get(key).events.push(feature.properties);
    }
    return [...places.values()];
  }

  function mostCommonQuad(events) {
    const counts = {};
    for (const e of events) counts[e.quad] = (counts[e.quad] || 0) + 1;
    return Object.keys(counts).sort((a, b) => counts[b] - counts[a] || b - a)[0];
  }

  function placeMarker(place) {
    const n = place.events.length;
    const quad = mostCommonQuad(place.events);
    const colour = QUAD_FILL[quad] || "#555";
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: Math.min(30, 5 + 3 * Math.sqrt(n)), color: "#1d232a", weight: 1,
      fillColor: colour, fillOpacity: 0.75,
    });
    marker.options.events = n;
    marker.options.conflict = place.events.filter((e) => e.quad >= 3).length;
    marker.bindTooltip(() => el("span", {}, (place.name || "") + " · " + n + " event" + (n === 1 ? "" : "s") +
      " · " + place.precision));
    marker.bindPopup(() => {
      const popup = el("div", { class: "map-popup" });
      popup.append(el("b", {}, place.name || ""), el("small", {}, " (" + place.precision + ") · " + n + " events"));
      const list = el("ul");
      for (const p of place.events.slice(0, 15)) {
        const item = el("li");
        item.append(link("/events/" + encodeURIComponent(p.event_id), p.type, "event-type q" + p.quad));
        item.append(" " + (p.date || "undated") + " · " + (p.source_names.join(", ") || "–") + " → " +
          (p.target_names.join(", ") || "–"));
        if (p.sentence) item.append(el("br"), el("q", {}, p.sentence));
        list.append(item);
      }
      popup.append(list);
      if (n > 15) popup.append(el("small", {}, (n - 15) + " more"));
      return popup;
    }, { maxWidth: 420, maxHeight: 320 });
    return marker;
  }

  function clusterIcon(cluster) {
    let n = 0;
    let conflict = 0;
    for (const m of cluster.getAllChildMarkers()) {
      n += m.options.events;
      conflict += m.options.conflict;
    }
    const share = conflict / Math.max(1, n);
    const tone = share > 0.6 ? "neg" : share < 0.4 ? "pos" : "mixed";
    const size = Math.round(26 + 7 * Math.log2(n));
    return L.divIcon({ html: el("div", { title: n + " events, " + conflict + " conflict" }, n),
      className: "marker-cluster dyad-cluster " + tone, iconSize: L.point(size, size) });
  }

  // A map in ``box`` with the tiles of its data-tiles, or the country outlines shipped with the
  // app; a failure to load them is shown in ``status``.
  async function baseMap(box, status) {
    const tiles = box.dataset.tiles;
    // the clusters need the map's deepest zoom: the tiles' or, on the outlines, a town's
    const m = L.map(box, { worldCopyJump: true, preferCanvas: true, maxZoom: tiles ? 18 : 12 })
      .setView([32, 45], 4);
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: "map tiles: " + tiles.split("/")[2] }).addTo(m);
    } else {
      try {
        const world = await getJSON("/static/vendor/countries-110m.json");
        const countries = topojson.feature(world, world.objects.countries);
        countries.features = countries.features.filter((f) => f.id !== "010"); // Antarctica
        countries.features.forEach((f) => unwrap(f.geometry));
        L.geoJSON(countries, {
          style: { color: "#7b8794", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
          interactive: false,
          attribution: "outlines: Natural Earth (world-atlas)",
        }).addTo(m);
      } catch (err) {
        showError(status, err);
      }
    }
    return m;
  }

  async function map() {
    const box = document.getElementById("map");
    const params = fillForm(document.querySelector("form.filters"));
    const toggle = document.getElementById("show-centroids");
    const m = await baseMap(box, document.getElementById("map-count"));
    let data;
    try {
      data = await getJSON("/api/map?" + params);
    } catch (err) {
      showError(document.getElementById("map-count"), err);
      return;
    }
    const places = placesOf(data.features);
    const clusters = L.markerClusterGroup({ maxClusterRadius: 45, showCoverageOnHover: false,
      iconCreateFunction: clusterIcon });
    clusters.addTo(m);
    const draw = (fit) => {
      const withCentroids = toggle.checked;
      const shown = places.filter((p) => withCentroids || !p.centroid);
      clusters.clearLayers();
      clusters.addLayers(shown.map(placeMarker));
      const events = shown.reduce((sum, p) => sum + p.events.length, 0);
      const hidden = data.features.length - events;
      box.dataset.markers = String(shown.length);
      box.dataset.events = String(events);
      document.getElementById("map-count").textContent = events + " placed events at " + shown.length +
        " places" + (data.total > data.features.length ? " (the first " + data.features.length + " of " + data.total + ")" : "") +
        (hidden ? "; " + hidden + " placed only at a country's centre are hidden" : "");
      const focus = withCentroids ? data.focus.all : data.focus.fine;
      if (fit && focus) {
        m.fitBounds(L.latLngBounds(focus).pad(0.15), { maxZoom: 8 });
      }
    };
    toggle.addEventListener("change", () => draw(true));
    draw(true);
    window.dyadMap = m;
    window.dyadClusters = clusters;
  }

  // -- end map ------------------------------------------------------------------------------

  // -- timelines ----------------------------------------------------------------------------

  async function fetchEvents(params, most) {
    const found = [];
    let offset = 0;
    let total = 0;
    while (found.length < most) {
      const page = new URLSearchParams(params);
      page.set("limit", "500");
      page.set("offset", String(offset));
      const body = await getJSON("/api/events?" + page);
      total = body.total;
      found.push(...body.items);
      if (body.next_offset === null) break;
      offset = body.next_offset;
    }
    return { items: found.slice(0, most), total: total };
  }

  // timeline (issue 27): short labels with the whole event in a tooltip, clusters where
  // items crowd, and a first window on the densest period (the server's `window`)
  function drawTimeline(box, events, window_) {
    const items = [];
    for (const e of events) {
      if (!e.date_start) continue;
      const label = (e.date_precision === "day" ? "" : e.date + ": ") + eventLabel(e);
      const content = el("span", { title: label }, label);
      const tip = el("div", { class: "timeline-tip" });
      tip.append(el("b", {}, e.type), el("span", {}, " " + (e.date || "")), el("br"),
        el("span", {}, eventLabel(e)));
      if (e.place_name) tip.append(el("br"), el("small", {}, e.place_name));
      const item = { id: e.event_id, start: e.date_start, content: content, className: "q" + e.quad, title: tip };
      // a period longer than a year (a decade, a range) is drawn as a bar; a day, month or
      // year as a point at its start, the label saying its precision
      const days = e.date_end ? (Date.parse(e.date_end) - Date.parse(e.date_start)) / 864e5 : 0;
      if (days > 366) {
        item.end = e.date_end;
        item.type = "range";
      } else {
        item.type = "point";
      }
      items.push(item);
    }
    const options = {
      stack: true, maxHeight: 560, zoomKey: "ctrlKey", selectable: true, showCurrentTime: false,
      tooltip: { followMouse: true, overflowMethod: "flip" },
      cluster: { maxItems: 2, titleTemplate: "{count} events: zoom in (ctrl + scroll) to see them",
        showStipes: true, fitOnDoubleClick: true },
    };
    let first = null;
    if (window_ && window_.start) {
      const start = Date.parse(window_.start);
      const end = Date.parse(window_.end);
      const pad = Math.max(30 * 864e5, 0.04 * (end - start));
      first = [new Date(start - pad), new Date(end + pad)];
      options.start = first[0];
      options.end = first[1];
      box.dataset.windowStart = window_.start;
      box.dataset.windowEnd = window_.end;
    }
    const timeline = new vis.Timeline(box, new vis.DataSet(items), options);
    if (first) {
      // vis-timeline draws no cluster in the window it opens on until the window moves: move
      // it by a day once drawn
      timeline.setWindow(first[0], new Date(first[1].getTime() + 864e5), { animation: false });
    }
    timeline.on("select", (props) => {
      const id = props.items.length ? String(props.items[0]) : "";
      if (id && !id.startsWith("cluster")) window.location.href = "/events/" + encodeURIComponent(id);
    });
    box.dataset.items = String(items.length);
    return timeline;
  }

  async function timelinePage() {
    const box = document.getElementById("timeline");
    const params = fillForm(document.querySelector("form.filters"));
    try {
      const [found, counts] = await Promise.all([fetchEvents(params, MAX_TIMELINE),
        getJSON("/api/timeline?" + params)]);
      window.dyadTimeline = drawTimeline(box, found.items, counts.window);
      const w = counts.window;
      document.getElementById("timeline-count").textContent = box.dataset.items + " dated events" +
        (found.total > found.items.length ? " (the first " + found.items.length + " of " + found.total + "; narrow the filters)" : "") +
        (w && w.start ? "; it opens on " + w.start + " – " + w.end + ", where " + w.n + " of the " + w.total + " are" : "");
      const most = Math.max(1, ...counts.counts.map((c) => c.n));
      const list = document.getElementById("per-year");
      for (const c of counts.counts) {
        const row = el("li");
        row.append(el("span", {}, c.period));
        row.append(el("span", { class: "bar", style: "width:" + (100 * c.n / most).toFixed(1) + "%" }));
        row.append(el("span", { class: "num" }, c.n));
        list.append(row);
      }
    } catch (err) {
      showError(box, err);
    }
  }

  // -- end timeline -------------------------------------------------------------------------

  async function actorPage() {
    const box = document.getElementById("timeline");
    try {
      const query = new URLSearchParams({ actor: box.dataset.actor });
      const [found, counts] = await Promise.all([fetchEvents(query, MAX_TIMELINE),
        getJSON("/api/timeline?" + query)]);
      window.dyadTimeline = drawTimeline(box, found.items, counts.window);
    } catch (err) {
      showError(box, err);
    }
  }

  // what the explorer (static/explore.js, loaded after this file) draws with
  window.dyadLib = { el: el, link: link, getJSON: getJSON, showError: showError, names: names,
    baseMap: baseMap, placesOf: placesOf, placeMarker: placeMarker, clusterIcon: clusterIcon,
    fetchEvents: fetchEvents, drawTimeline: drawTimeline, QUAD_NAME: QUAD_NAME };

  const pages = { network: network, map: map, timeline: timelinePage, actor: actorPage };
  const start = pages[document.body.dataset.page];
  if (start) start();
})();
