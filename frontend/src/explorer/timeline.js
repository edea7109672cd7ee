// The timeline: the events of /export/graph.json in date order, each leg under its trip, with its places.
import { dateRange, el } from "./dom.js";

const DAY = 86_400_000;

function time(text) {
  return Date.parse(`${text}T00:00:00Z`);
}

export function createTimeline(list, onSelect) {
  function show(elements) {
    const byId = new Map(elements.nodes.map((n) => [n.data.id, n.data]));
    const events = elements.nodes.map((n) => n.data).filter((d) => d.category === "event" && d.start_date);
    const places = new Map();
    const trip = new Map();
    for (const { data } of elements.edges) {
      if (data.type === "IN_PLACE") places.set(data.source, [...(places.get(data.source) || []), byId.get(data.target)]);
      if (data.type === "PART_OF" && byId.get(data.target)?.category === "event") trip.set(data.source, data.target);
    }
    const shown = new Set(events.map((e) => e.id));
    const legs = new Map();
    for (const [leg, parent] of trip) if (shown.has(parent) && shown.has(leg)) legs.set(parent, [...(legs.get(parent) || []), leg]);
    const first = Math.min(...events.map((e) => time(e.start_date)));
    const last = Math.max(...events.map((e) => time(e.end_date || e.start_date))) + DAY;
    const span = Math.max(last - first, DAY);
    const order = (a, b) => a.start_date.localeCompare(b.start_date) || a.title.localeCompare(b.title);

    function row(event, depth) {
      const start = time(event.start_date);
      const end = time(event.end_date || event.start_date) + DAY;
      const where = (places.get(event.id) || []).filter(Boolean).map((p) => p.label || p.name).sort();
      const item = el(
        "li",
        { class: `event kind-${event.kind}${depth ? " leg" : ""}`, "data-id": event.id, tabindex: 0, onclick: () => select(item, event) },
        el("span", { class: "when" }, dateRange(event.start_date, event.end_date)),
        el("span", { class: "track" }, el("span", { class: "bar", style: `left:${(100 * (start - first)) / span}%;width:${(100 * (end - start)) / span}%` })),
        el("span", { class: "title", style: `padding-left:${depth * 18}px` }, event.title, where.length ? el("span", { class: "places" }, where.join(" · ")) : null),
      );
      const children = (legs.get(event.id) || []).map((id) => byId.get(id)).sort(order);
      return [item, ...children.flatMap((child) => row(child, depth + 1))];
    }

    function select(item, event) {
      list.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
      item.classList.add("selected");
      onSelect(event);
    }

    const roots = events.filter((e) => !(trip.has(e.id) && shown.has(trip.get(e.id)))).sort(order);
    list.replaceChildren(...roots.flatMap((e) => row(e, 0)));
    if (!events.length) list.replaceChildren(el("li", { class: "hint" }, "No dated events."));
  }
  return { show };
}
