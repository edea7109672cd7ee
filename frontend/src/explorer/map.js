// The map: country outlines (world-atlas, bundled) and a point per engaged place at its administrative
// centre (/export/places.geojson). No tiles, nothing fetched but our own API. `basemap` is shared with the
// dashboard's map of contract value by region.
import { geoAzimuthalEqualArea, geoCircle, geoDistance, geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 600;
const HEIGHT = 440;
const countries = feature(world, world.objects.countries).features;

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
  return node;
}

function projectionFor(points, width, height) {
  if (!points.length) return geoNaturalEarth1().fitExtent([[10, 10], [width - 10, height - 10]], { type: "Sphere" });
  const lon = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const lat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const reach = Math.max(...points.map((p) => geoDistance([lon, lat], p))) * (180 / Math.PI);
  const view = geoCircle().center([lon, lat]).radius(Math.min(80, reach * 1.3 + 3))();
  return geoAzimuthalEqualArea().rotate([-lon, -lat]).fitExtent([[20, 20], [width - 20, height - 20]], view);
}

/** Draws the sphere, graticule and countries into `element`, framed on `points` ([lon, lat]); returns the
 * projection (lon/lat to x/y) so the caller can place its own marks above them. */
export function basemap(element, points, width = WIDTH, height = HEIGHT) {
  const projection = projectionFor(points, width, height);
  const path = geoPath(projection);
  element.replaceChildren(
    svg("path", { class: "sphere", d: path({ type: "Sphere" }) }),
    svg("path", { class: "graticule", d: path(geoGraticule10()), fill: "none", stroke: "#cbd8e6", "stroke-width": 0.4 }),
    svg("g", { class: "countries" }, ...countries.map((c) =>
      svg("path", { class: "country", d: path(c) }, svg("title", {}, c.properties.name)))),
  );
  return projection;
}

export function createMap(element, onSelect) {
  function show(collection) {
    const places = collection.features.filter((f) => f.geometry?.type === "Point");
    const projection = basemap(element, places.map((f) => f.geometry.coordinates));
    const most = Math.max(1, ...places.map((f) => f.properties.event_count));
    element.append(
      svg("g", { class: "places" }, ...places.map((f) => {
        const [x, y] = projection(f.geometry.coordinates);
        const p = f.properties;
        const group = svg(
          "g",
          { class: "place", "data-id": p.id, "data-iso": p.iso_code, transform: `translate(${x},${y})` },
          svg("circle", { r: 6 + 8 * Math.sqrt(p.event_count / most) }),
          svg("text", { x: 14, y: 5 }, p.iso_code || p.name),
          svg("title", {}, `${p.name}: ${p.event_count} event(s)`),
        );
        group.addEventListener("click", () => onSelect(p));
        return group;
      })),
    );
  }
  return { show };
}
