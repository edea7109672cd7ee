// The filter bar every view shares: a date range and the event kinds, kept in the page's URL (`from`, `to`,
// `kinds`) so a filtered page can be shared. The actor or place searched is the other filter (main.js).
import { el } from "./dom.js";

/** CONTRACT_SIGNING → "Contract signing". */
export function kindLabel(kind) {
  const words = kind.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The REST exports' query parameters for `where` (nulls left out; kinds comma-separated). */
export function exportParams(where) {
  const params = {};
  for (const [name, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    params[name] = Array.isArray(value) ? value.join(",").toLowerCase() : value;
  }
  return params;
}

/** `form` holds inputs `from` and `to` and a fieldset #filter-kinds; `onChange` runs after each change. */
export function createFilters(form, onChange) {
  const { from, to } = form.elements;
  const kindBox = form.querySelector("#filter-kinds");
  const given = new URLSearchParams(window.location.search);
  from.value = given.get("from") || "";
  to.value = given.get("to") || "";
  const wanted = given.get("kinds") ? new Set(given.get("kinds").toUpperCase().split(",")) : null;
  let known = [];

  /** The kinds the graph holds, as `eventStats(groupBy: [KIND])` counts them, become checkboxes. */
  function setKinds(buckets) {
    known = buckets.map((bucket) => bucket.kind);
    kindBox.replaceChildren(
      el("legend", {}, "Kinds"),
      ...buckets.map(({ kind, count }) =>
        el(
          "label",
          {},
          el("input", { type: "checkbox", name: "kinds", value: kind, checked: !wanted || wanted.has(kind) }),
          ` ${kindLabel(kind)} `,
          el("span", { class: "count" }, `(${count})`),
        ),
      ),
    );
  }

  function checkedKinds() {
    if (!known.length) return wanted ? [...wanted] : null;
    const checked = [...kindBox.querySelectorAll("input:checked")].map((input) => input.value);
    return checked.length === known.length ? null : checked;
  }

  /** `{from, to, kinds}`: null where nothing narrows; `kinds: []` when every kind is unticked. */
  function values() {
    return { from: from.value || null, to: to.value || null, kinds: checkedKinds() };
  }

  function changed() {
    const url = new URL(window.location.href);
    for (const [name, value] of Object.entries(values())) {
      if (value === null) url.searchParams.delete(name);
      else url.searchParams.set(name, Array.isArray(value) ? value.join(",").toLowerCase() : value);
    }
    window.history.replaceState(null, "", url);
    onChange();
  }

  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector("#filter-clear").addEventListener("click", () => {
    from.value = "";
    to.value = "";
    for (const input of kindBox.querySelectorAll("input")) input.checked = true;
    changed();
  });
  return { setKinds, values, kinds: () => known };
}
