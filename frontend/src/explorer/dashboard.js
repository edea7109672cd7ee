// The dashboard: events per month by kind (stacked bars) and the contract value in USD by region (circles
// on the map at each region's centre), each drawn from ONE `eventStats` request with the filters of the
// other views (the actor or place searched, the date range, the kinds). Each chart has a title and its
// numbers as a table, and says so when nothing matches or the API answers an error.
import { graphql } from "./api.js";
import { el } from "./dom.js";
import { kindLabel } from "./filters.js";
import { basemap, svg } from "./map.js";

const ARGS = "$actor: String, $place: String, $from: Date, $to: Date, $kinds: [EventKind!]";
const FILTERS = "actor: $actor, place: $place, from: $from, to: $to, kinds: $kinds";
export const PER_MONTH = `query EventsPerMonthByKind(${ARGS}) {
  eventStats(groupBy: [MONTH, KIND], ${FILTERS}) { period { label } kind count }
}`;
export const BY_REGION = `query ContractValueByRegion(${ARGS}) {
  eventStats(groupBy: [REGION], ${FILTERS}) {
    region { id name isoCode location { lat lon } }
    count
    agreementCount
    contractValue { amount currency }
  }
}`;
const KINDS = "query EventKinds { eventStats(groupBy: [KIND]) { kind count } }";
const PALETTE = ["#4f86c6", "#8e5bd0", "#e39b2d", "#c9302c", "#3f9d5b", "#17a2b8", "#a0522d", "#d46aa8", "#6b7687", "#2f4560"];
const BARS = { width: 600, height: 280, left: 34, right: 8, top: 16, bottom: 34 };
const MAP = { width: 600, height: 400 };

/** The kinds of event the graph holds, with their counts (the filter bar's choices and the colours). */
export async function kindCounts() {
  return (await graphql(KINDS, {})).eventStats.filter((bucket) => bucket.kind);
}

export function money(amount, currency = "USD") {
  return `${currency} ${Number(amount).toLocaleString("en", { maximumFractionDigits: 2 })}`;
}

/** Every month from the first label to the last ("2023-01" … "2023-04"), so gaps show as gaps. */
function monthRange(labels) {
  const sorted = [...labels].sort();
  const months = [];
  let [year, month] = sorted[0].split("-").map(Number);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    months.push(label);
    if (label >= sorted.at(-1)) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

function table(caption, head, rows) {
  return el(
    "details",
    { class: "numbers" },
    el("summary", {}, "Show the numbers as a table"),
    el(
      "table",
      {},
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, head.map((cell) => el("th", { scope: "col" }, cell)))),
      el("tbody", {}, rows.map(([first, ...cells]) => el("tr", {}, el("th", { scope: "row" }, first), cells.map((cell) => el("td", {}, cell))))),
    ),
  );
}

/** A chart's figure: one request at a time is drawn (a late answer to an older request is dropped). */
function panel(figure) {
  const body = figure.querySelector(".chart-body");
  let generation = 0;

  function message(state, text) {
    figure.dataset.state = state;
    body.replaceChildren(el("p", { class: state, role: state === "error" ? "alert" : "status" }, text));
  }

  async function load(request, draw) {
    const mine = ++generation;
    figure.dataset.state = "loading";
    figure.setAttribute("aria-busy", "true");
    try {
      const answer = await request();
      if (mine !== generation) return;
      const drawn = draw(answer);
      if (typeof drawn === "string") message("empty", drawn);
      else {
        body.replaceChildren(...drawn);
        figure.dataset.state = "ready";
      }
    } catch (error) {
      if (mine === generation) message("error", `This chart could not be drawn: ${error.message}`);
    } finally {
      if (mine === generation) figure.removeAttribute("aria-busy");
    }
  }

  function empty(text) {
    generation += 1;
    figure.removeAttribute("aria-busy");
    message("empty", text);
  }

  /** Out of date: an answer on its way is dropped, and the figure is busy until the next `load`. */
  function waiting() {
    generation += 1;
    figure.dataset.state = "loading";
    figure.setAttribute("aria-busy", "true");
  }
  return { load, empty, waiting };
}

/** `listKinds()`: a promise of the kinds the graph holds, in the order their colours are given; asked
 * once, at the first `show`. */
export function createDashboard(root, listKinds) {
  const perMonth = panel(root.querySelector("#per-month"));
  const byRegion = panel(root.querySelector("#by-region"));
  let kinds = [];
  let coloured = null;

  function colour(kind) {
    if (!kinds.includes(kind)) kinds = [...kinds, kind];
    return PALETTE[kinds.indexOf(kind) % PALETTE.length];
  }

  function drawPerMonth({ eventStats: buckets }) {
    const dated = buckets.filter((b) => b.period && b.kind);
    if (!dated.length) return "No events match these filters.";
    const months = monthRange(dated.map((b) => b.period.label));
    const rank = (kind) => (kinds.includes(kind) ? kinds.indexOf(kind) : kinds.length);
    const shown = [...new Set(dated.map((b) => b.kind))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const counts = new Map(dated.map((b) => [`${b.period.label} ${b.kind}`, b.count]));
    const count = (month, kind) => counts.get(`${month} ${kind}`) || 0;
    const totals = months.map((month) => shown.reduce((sum, kind) => sum + count(month, kind), 0));
    const total = totals.reduce((a, b) => a + b, 0);

    const { width, height, left, right, top, bottom } = BARS;
    const most = Math.max(...totals);
    const step = Math.max(1, Math.ceil(most / 5));
    const ceiling = Math.ceil(most / step) * step;
    const y = (value) => top + (height - top - bottom) * (1 - value / ceiling);
    const band = (width - left - right) / months.length;
    const barWidth = Math.max(2, Math.min(48, band * 0.72));
    const labelEvery = Math.ceil(months.length / 12);
    const ticks = Array.from({ length: ceiling / step + 1 }, (_, i) => i * step);

    const chart = svg(
      "svg",
      { class: "bars", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "per-month-title per-month-summary" },
      svg("desc", { id: "per-month-summary" }, `${total} events from ${months[0]} to ${months.at(-1)}; the table below gives each month's count by kind.`),
      svg("g", { class: "axis" }, ticks.map((tick) => [
        svg("line", { x1: left, x2: width - right, y1: y(tick), y2: y(tick) }),
        svg("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end" }, String(tick)),
      ])),
      months.map((month, i) => {
        const x = left + i * band + (band - barWidth) / 2;
        let base = 0;
        const segments = shown.filter((kind) => count(month, kind)).map((kind) => {
          const n = count(month, kind);
          const rect = svg(
            "rect",
            { class: "segment", "data-month": month, "data-kind": kind, "data-count": n, x, y: y(base + n), width: barWidth, height: y(base) - y(base + n), fill: colour(kind) },
            svg("title", {}, `${month} · ${kindLabel(kind)}: ${n}`),
          );
          base += n;
          return rect;
        });
        return svg(
          "g",
          { class: "month", "data-month": month, "data-total": totals[i] },
          segments,
          totals[i] ? svg("text", { class: "total", x: x + barWidth / 2, y: y(totals[i]) - 3, "text-anchor": "middle" }, String(totals[i])) : null,
          i % labelEvery === 0 ? svg("text", { class: "label", x: x + barWidth / 2, y: height - bottom + 16, "text-anchor": "middle" }, month) : null,
        );
      }),
    );
    const legend = el("ul", { class: "legend" }, shown.map((kind) =>
      el("li", { "data-kind": kind }, el("span", { class: "swatch", style: `background:${colour(kind)}` }), kindLabel(kind))));
    const rows = months.map((month, i) => [month, ...shown.map((kind) => String(count(month, kind))), String(totals[i])]);
    return [chart, legend, table("Events per month by kind", ["Month", ...shown.map(kindLabel), "Total"], rows)];
  }

  function drawByRegion({ eventStats: buckets }) {
    const regions = buckets.filter((b) => b.region);
    if (!regions.length) return "No events in a region match these filters.";
    const usd = (b) => (b.contractValue ? Number(b.contractValue.amount) : 0);
    const placed = regions.filter((b) => b.region.location).sort((a, b) => usd(b) - usd(a));
    const most = Math.max(0, ...placed.map(usd));
    const chart = svg("svg", { class: "value-map", viewBox: `0 0 ${MAP.width} ${MAP.height}`, role: "img", "aria-labelledby": "by-region-title by-region-summary" });
    const projection = basemap(chart, placed.map((b) => [b.region.location.lon, b.region.location.lat]), MAP.width, MAP.height);
    const valued = regions.filter((b) => b.contractValue);
    const sum = valued.reduce((total, b) => total + usd(b), 0);
    chart.prepend(svg("desc", { id: "by-region-summary" }, valued.length
      ? `${money(sum)} in ${valued.length} of ${regions.length} regions: ${valued.map((b) => `${b.region.name} ${money(b.contractValue.amount)}`).join("; ")}.`
      : `${regions.length} regions, none with a reported contract value.`));
    chart.append(svg("g", { class: "regions" }, placed.map((b) => {
      const [x, y] = projection([b.region.location.lon, b.region.location.lat]);
      const value = b.contractValue ? money(b.contractValue.amount, b.contractValue.currency) : null;
      return svg(
        "g",
        {
          class: value ? "region valued" : "region",
          "data-id": b.region.id,
          "data-iso": b.region.isoCode,
          "data-usd": b.contractValue?.amount,
          "data-count": b.count,
          transform: `translate(${x},${y})`,
        },
        svg("circle", { r: value ? 6 + 24 * Math.sqrt(usd(b) / most) : 4 }),
        svg("text", { class: "iso", x: 9, y: -3 }, b.region.isoCode || b.region.name),
        value ? svg("text", { class: "value", x: 9, y: 15 }, value) : null,
        svg("title", {}, `${b.region.name}: ${value || "no contract value reported"}; ${b.count} event(s), ${b.agreementCount} agreement(s)`),
      );
    })));
    const order = [...regions].sort((a, b) => usd(b) - usd(a) || a.region.name.localeCompare(b.region.name));
    const outside = buckets.find((b) => !b.region);
    const rows = order.map((b) => [b.region.name, b.region.isoCode || "", String(b.count), String(b.agreementCount), b.contractValue ? money(b.contractValue.amount) : "—"]);
    if (outside) rows.push(["In no region", "", String(outside.count), String(outside.agreementCount), outside.contractValue ? money(outside.contractValue.amount) : "—"]);
    const note = valued.length ? null : el("p", { class: "hint" }, "No contract value is reported for these regions.");
    return [chart, note, table("Contract value in USD by region", ["Region", "ISO code", "Events", "Agreements", "Contract value"], rows)].filter(Boolean);
  }

  /** Draw both charts for `where` ({actor, place, from, to, kinds}: nulls are no filter). The first time,
   * the kinds are listed before the charts ask, so a cold server is not asked to plan three at once. */
  function show(where) {
    const variables = { actor: null, place: null, from: null, to: null, kinds: null, ...where };
    coloured ??= listKinds().then((list) => {
      kinds = [...list, ...kinds.filter((kind) => !list.includes(kind))];
    });
    const after = (query) => async () => {
      await coloured;
      return graphql(query, variables);
    };
    return Promise.all([perMonth.load(after(PER_MONTH), drawPerMonth), byRegion.load(after(BY_REGION), drawByRegion)]);
  }

  /** Both charts say `text` instead (no kind is chosen). */
  function nothing(text) {
    perMonth.empty(text);
    byRegion.empty(text);
  }

  /** The filters changed: both charts are busy until the next `show`. */
  function waiting() {
    perMonth.waiting();
    byRegion.waiting();
  }

  return { show, nothing, waiting };
}
