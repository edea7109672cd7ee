// Builds the explorer (esbuild bundle) and copies GraphiQL's UMD files into ../api/static/, which the
// API serves at /explore, /static/graphiql and /static/swagger (the OpenAPI page at /docs). Everything comes from node_modules: nothing from a CDN.
import { build } from "esbuild";
import { copyFile, cp, mkdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "..", "api", "static");
const modules = path.join(here, "node_modules");

async function fresh(dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

async function explorer() {
  const dir = await fresh(path.join(out, "explorer"));
  await build({
    entryPoints: [path.join(here, "src", "explorer", "main.js")],
    bundle: true,
    minify: true,
    sourcemap: false,
    format: "esm",
    target: ["es2020"],
    outfile: path.join(dir, "explorer.js"),
    loader: { ".json": "json" },
    logLevel: "warning",
  });
  for (const file of ["index.html", "explorer.css"]) {
    await copyFile(path.join(here, "src", "explorer", file), path.join(dir, file));
  }
}

async function graphiql() {
  const dir = await fresh(path.join(out, "graphiql"));
  const files = {
    "react/umd/react.production.min.js": "react.production.min.js",
    "react-dom/umd/react-dom.production.min.js": "react-dom.production.min.js",
    "graphiql/graphiql.min.js": "graphiql.min.js",
    "graphiql/graphiql.min.css": "graphiql.min.css",
  };
  for (const [from, to] of Object.entries(files)) {
    await copyFile(path.join(modules, from), path.join(dir, to));
  }
  await cp(path.join(here, "src", "graphiql", "start.js"), path.join(dir, "start.js"));
}

async function swagger() {
  const dir = await fresh(path.join(out, "swagger"));
  for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
    await copyFile(path.join(modules, "swagger-ui-dist", file), path.join(dir, file));
  }
}

await Promise.all([explorer(), graphiql(), swagger()]);
console.log(`built the explorer and GraphiQL into ${path.relative(process.cwd(), out) || "."}`);
