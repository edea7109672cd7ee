// The details panel: what a node, place or event is, and who says so (evidence quotes and source links).
import { dateRange, el } from "./dom.js";

function show(...parts) {
  document.getElementById("details-body").replaceChildren(...parts.filter(Boolean));
}

function facts(pairs) {
  const rows = pairs.filter(([, value]) => value !== undefined && value !== null && value !== "");
  return el("dl", {}, rows.map(([name, value]) => [el("dt", {}, name), el("dd", {}, String(value))]));
}

function evidence(items) {
  if (!items?.length) return el("p", { class: "hint" }, "No evidence quotes recorded for this item.");
  return el(
    "div",
    { class: "evidence" },
    el("h3", {}, "Evidence"),
    items.map((item) =>
      el(
        "figure",
        { class: "quote" },
        el("blockquote", {}, item.quote),
        el(
          "figcaption",
          {},
          item.url
            ? el("a", { href: item.url, target: "_blank", rel: "noopener noreferrer" }, item.title || item.url)
            : item.title || item.source,
          item.publisher ? ` · ${item.publisher}` : "",
        ),
      ),
    ),
  );
}

function money(value) {
  return value ? `${value.currency} ${Number(value.amount).toLocaleString("en")}` : null;
}

/** A graph node or an event: `data` as in /export/graph.json or `neighborhood` (properties flat). */
export function showNode(data) {
  show(
    el("h3", { class: "title" }, data.label || data.name || data.title || data.id),
    facts([
      ["id", data.id],
      ["kind", data.kind],
      ["when", dateRange(data.start_date, data.end_date)],
      ["ISO code", data.iso_code],
      ["status", data.status],
      ["value", data.value_amount ? `${data.value_currency} ${Number(data.value_amount).toLocaleString("en")}` : null],
      ["aliases", (data.aliases || []).join(", ")],
    ]),
    data.summary ? el("p", { class: "summary" }, data.summary) : null,
    data.content ? el("p", { class: "content" }, "“", data.content, "”") : null,
    data.category === "actor" ? null : evidence(data.evidence),
  );
}

/** A place feature of /export/places.geojson. */
export function showPlace(properties, eventTitles) {
  show(
    el("h3", { class: "title" }, properties.name),
    facts([
      ["id", properties.id],
      ["ISO code", properties.iso_code],
      ["events", properties.event_count],
      ["contract value", money(properties.contract_value)],
    ]),
    properties.contract_values.length
      ? el("ul", { class: "contracts" }, properties.contract_values.map((c) => el("li", {}, `${c.title}: ${money(c)}`)))
      : null,
    el("ul", { class: "events" }, properties.events.map((id) => el("li", {}, eventTitles.get(id) || id))),
  );
}
