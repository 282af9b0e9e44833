// Builds the web page into dist/: the app bundled by esbuild, its page and style, and the exact
// files strawberry's GraphiQL template pins (copied from node_modules to dist/vendor/<pkg>@<version>/,
// where visor/graphiql_page.py points the template's unpkg URLs, integrity hashes kept).
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");

// The files strawberry's graphiql.html loads from unpkg (package, file inside it).
const GRAPHIQL_FILES = [
  ["react", "umd/react.production.min.js"],
  ["react-dom", "umd/react-dom.production.min.js"],
  ["js-cookie", "dist/js.cookie.min.js"],
  ["graphiql", "graphiql.min.css"],
  ["graphiql", "graphiql.min.js"],
  ["@graphiql/plugin-explorer", "dist/style.css"],
  ["@graphiql/plugin-explorer", "dist/index.umd.js"],
];

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: { app: join(here, "src", "main.js") },
  bundle: true,
  format: "esm",
  splitting: true, // the link chart (cytoscape) loads when first opened
  chunkNames: "chunks/[name]-[hash]",
  minify: true,
  sourcemap: true,
  target: "es2022",
  outdir: dist,
  logLevel: "warning",
});
cpSync(join(here, "src", "index.html"), join(dist, "index.html"));
cpSync(join(here, "src", "style.css"), join(dist, "style.css"));

for (const [name, file] of GRAPHIQL_FILES) {
  const pkgDir = join(here, "node_modules", name);
  const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const target = join(dist, "vendor", `${name}@${version}`, file);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(pkgDir, file), target);
}
