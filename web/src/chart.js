// The link chart: the network around a nominal (`network(seed:, depth: 1)`), expanded node by
// node and merged, filtered by link kind (`via:`) and by a time window over the link periods
// (`from:`/`to:`); hidden links dashed with the "ask the manager" action; exports through the
// result's `export(format:)`; a node ceiling; and beside the chart a list of the same nominals
// and links for keyboard and screen-reader users. The purpose is asked once, like a record's.
import { gql } from "./api.js";
import { createCanvas, draw, elementsOf, linkKey } from "./chart-canvas.js";
import { h, show } from "./dom.js";
import { askPurpose } from "./purpose.js";

export const CEILING = 300;
const MAX_CEILING = 2000; // the API's own limit
const KINDS = ["ASSOCIATION", "SHARED_ADDRESS", "CO_MENTION", "SHARED_MANAGER"];
const FORMATS = [["GRAPHML", "graphml", "application/graphml+xml"], ["GEXF", "gexf", "application/gexf+xml"],
  ["CYTOSCAPE_JSON", "cyjs", "application/json"]];
const ARGS = `$seed: [String!]!, $via: [LinkKind!], $from: Date, $to: Date, $limit: Int!`;
const CALL = `network(seed: $seed, depth: 1, via: $via, from: $from, to: $to, limit: $limit)`;
const NETWORK = `query Network(${ARGS}) { ${CALL} {
  nodes { visorRef firstName lastName }
  links { source target kind from to evidence }
  hiddenLinks { id holder { visorRef name } other { visorRef name } askManager { name staffId agencyName } }
} }`;
const EXPORT = `query NetworkExport(${ARGS}, $format: ExportFormat!) { ${CALL} { export(format: $format) } }`;
const ASK = `mutation Ask($hiddenLink: ID!, $reason: String!) {
  requestLinkDisclosure(hiddenLink: $hiddenLink, reason: $reason) { id status requestedAt } }`;

const DAY = 86_400_000;
const toDay = (date) => Math.floor(Date.parse(date) / DAY);
const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const today = () => Math.floor(Date.now() / DAY);

function startScreen() {
  const input = h("input", { id: "chart-seed", name: "seed", required: true, placeholder: "VR-0000001" });
  show(h("h1", {}, "Link chart"),
    h("form", { onsubmit: (e) => { e.preventDefault(); location.hash = `#/chart/${encodeURIComponent(input.value.trim())}`; } },
      h("label", { for: "chart-seed" }, "Start from the nominal (VISOR reference)"), input, " ",
      h("button", { type: "submit" }, "Open the chart")));
}

export async function chartScreen(arg) {
  const [start, query = ""] = arg.split("?");
  if (!start) { startScreen(); return; }
  const asked = Number(new URLSearchParams(query).get("ceiling"));
  const ceiling = asked > 0 ? Math.min(asked, MAX_CEILING) : CEILING;
  let purpose;
  try {
    purpose = await askPurpose(`analysis:${start}`, `the link chart of ${start}`, "Open the chart");
  } catch {
    location.hash = "#/search";
    return;
  }
  const state = { seeds: [start], via: new Set(KINDS), from: null, to: null, bounds: null,
    nodes: new Map(), links: new Map(), hidden: new Map() };
  const message = h("p", { id: "chart-message", class: "error", "aria-live": "assertive" });
  const info = h("p", { id: "chart-info", "aria-live": "polite" });
  const container = h("div", { id: "chart", role: "img", "aria-label": "Link chart (the same nominals and links are listed beside it)" });
  const list = h("section", { id: "chart-list", "aria-label": "Nominals and links of the chart" });
  const windowControls = h("fieldset", { id: "chart-window" });
  const variables = (seeds) => ({ seed: seeds, limit: ceiling, from: state.from, to: state.to,
    via: state.via.size === KINDS.length ? null : [...state.via] });

  function extendBounds(links) {
    const days = links.flatMap((l) => [l.from, l.to].filter(Boolean).map(toDay));
    if (links.some((l) => !l.to)) days.push(today());
    if (!days.length) return;
    const lo = Math.min(...days);
    const hi = Math.max(...days);
    state.bounds = state.bounds ? { min: Math.min(state.bounds.min, lo), max: Math.max(state.bounds.max, hi) } : { min: lo, max: hi };
  }

  async function fetchNetwork(seeds) {
    try {
      return (await gql(NETWORK, variables(seeds), { purpose })).network;
    } catch (err) {
      const tooLarge = err.errors?.some((e) => e.extensions?.code === "BAD_USER_INPUT" && e.extensions?.field === "limit");
      message.textContent = tooLarge ? tooLargeText() : err.message;
      return null;
    }
  }
  const tooLargeText = () => `The chart stops at ${ceiling} nominals and this layout would be larger: `
    + "choose fewer link kinds, a narrower time window or fewer nominals to expand.";

  function merge(graph, replace) {
    if (replace) { state.nodes.clear(); state.links.clear(); state.hidden.clear(); }
    for (const n of graph.nodes) state.nodes.set(n.visorRef, n);
    for (const l of graph.links) state.links.set(linkKey(l), l);
    for (const x of graph.hiddenLinks) state.hidden.set(x.id, x);
  }

  async function expand(ref) {
    if (state.seeds.includes(ref)) { info.textContent = `${ref} is already expanded.`; return; }
    const graph = await fetchNetwork([ref]);
    if (!graph) return;
    const added = graph.nodes.filter((n) => !state.nodes.has(n.visorRef)).length;
    if (state.nodes.size + added > ceiling) { message.textContent = tooLargeText(); return; }
    message.textContent = "";
    state.seeds.push(ref);
    if (!state.from && !state.to) extendBounds(graph.links);
    merge(graph, false);
    render(`Expanded ${ref}: ${added} nominals added.`);
  }

  async function refresh() {
    const graph = await fetchNetwork(state.seeds);
    if (!graph) return;
    message.textContent = "";
    if (!state.from && !state.to) extendBounds(graph.links);
    merge(graph, true);
    render("");
  }

  async function download(format, extension, type) {
    try {
      const data = await gql(EXPORT, { ...variables(state.seeds), format }, { purpose });
      const url = URL.createObjectURL(new Blob([data.network.export], { type }));
      const a = h("a", { href: url, download: `link-chart-${start}.${extension}` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      info.textContent = `Exported ${format}.`;
    } catch (err) {
      message.textContent = err.message;
    }
  }

  function askForm(x) {
    const id = `ask-${x.id}`;
    const reason = h("input", { id, name: "reason", required: true, size: 30 });
    const answer = h("span", { class: "ask-answer", "aria-live": "polite" });
    const form = h("form", { class: "ask-manager", onsubmit: async (e) => {
      e.preventDefault();
      try {
        const data = await gql(ASK, { hiddenLink: x.id, reason: reason.value.trim() }, { purpose });
        const r = data.requestLinkDisclosure;
        answer.textContent = `Request ${r.status.toLowerCase()} with ${x.askManager?.name ?? "the manager"}.`;
        form.querySelector("button").disabled = true;
      } catch (err) { answer.textContent = err.message; }
    } },
    h("label", { for: id }, "Reason to ask"), " ", reason, " ",
    h("button", { type: "submit" }, "Ask the manager"), " ", answer);
    return form;
  }

  function renderList() {
    const name = (ref) => { const n = state.nodes.get(ref); return n ? `${n.firstName ?? ""} ${n.lastName ?? ""} (${ref})` : ref; };
    list.replaceChildren(
      h("h2", {}, `Nominals (${state.nodes.size})`),
      h("ul", { id: "chart-nodes" }, [...state.nodes.values()].map((n) => h("li", { dataset: { ref: n.visorRef } },
        name(n.visorRef), " ",
        state.seeds.includes(n.visorRef) ? h("span", {}, "(expanded)")
          : h("button", { type: "button", "aria-label": `Expand ${n.visorRef}`, onclick: () => expand(n.visorRef) }, "Expand"),
        " ", h("a", { href: `#/record/${encodeURIComponent(n.visorRef)}` }, "record")))),
      h("h2", {}, `Links (${state.links.size})`),
      h("ul", { id: "chart-links" }, [...state.links.values()].map((l) => h("li", {},
        `${name(l.source)} – ${name(l.target)}: ${l.kind}, ${l.from ?? "…"} to ${l.to ?? "now"}`))),
      h("h2", {}, `Hidden links (${state.hidden.size})`),
      h("ul", { id: "chart-hidden" }, [...state.hidden.values()].map((x) => h("li", { class: "hidden-link" },
        `${x.holder.name} (${x.holder.visorRef}) – ${x.other.name} (${x.other.visorRef}): a link you may not read. `,
        x.askManager ? `Ask ${x.askManager.name}${x.askManager.agencyName ? ` (${x.askManager.agencyName})` : ""}.` : "",
        askForm(x)))));
  }

  function renderWindow() {
    const b = state.bounds;
    if (!b || b.min >= b.max) { windowControls.replaceChildren(h("legend", {}, "Time window"), h("p", {}, "No dated links to window.")); return; }
    const slider = (key, label, value) => {
      const out = h("output", { id: `window-${key}-value`, for: `window-${key}` }, fromDay(value));
      const input = h("input", { type: "range", id: `window-${key}`, min: b.min, max: b.max, step: 1, value,
        "aria-valuetext": fromDay(value) });
      input.addEventListener("input", () => { out.textContent = fromDay(Number(input.value)); input.setAttribute("aria-valuetext", out.textContent); });
      input.addEventListener("change", () => {
        let lo = Number(windowControls.querySelector("#window-from").value);
        let hi = Number(windowControls.querySelector("#window-to").value);
        if (lo > hi) [lo, hi] = [hi, lo];
        state.from = lo === b.min ? null : fromDay(lo);
        state.to = hi === b.max ? null : fromDay(hi);
        refresh();
      });
      return h("label", { for: `window-${key}` }, `${label} `, out, " ", input);
    };
    windowControls.replaceChildren(h("legend", {}, "Time window over the link periods"),
      slider("from", "Links from", state.from ? toDay(state.from) : b.min),
      slider("to", "Links to", state.to ? toDay(state.to) : b.max));
  }

  const cyHolder = { cy: null };
  function render(text) {
    const elements = elementsOf({ nodes: [...state.nodes.values()], links: [...state.links.values()],
      hiddenLinks: [...state.hidden.values()] }, new Set(state.seeds));
    const { ms, quality } = draw(cyHolder.cy, elements);
    Object.assign(container.dataset, { nodes: String(cyHolder.cy.nodes().length), edges: String(cyHolder.cy.edges().length),
      links: String(state.links.size), hiddenLinks: String(state.hidden.size), layoutMs: ms.toFixed(1),
      layoutQuality: quality });
    container.setAttribute("aria-label", `Link chart: ${state.nodes.size} nominals, ${state.links.size} links, `
      + `${state.hidden.size} hidden links (listed beside it)`);
    info.textContent = `${text} ${state.nodes.size} nominals, ${state.links.size} links, ${state.hidden.size} hidden links. `
      + `Expanded: ${state.seeds.join(", ")}.`;
    renderWindow();
    renderList();
  }

  const kinds = h("fieldset", { id: "chart-kinds" }, h("legend", {}, "Link kinds"),
    KINDS.map((kind) => h("label", { class: "inline" }, h("input", { type: "checkbox", name: "via", value: kind, checked: true,
      onchange: (e) => {
        if (e.target.checked) state.via.add(kind); else state.via.delete(kind);
        if (!state.via.size) { message.textContent = "Choose at least one link kind."; return; }
        refresh();
      } }), ` ${kind}`)));
  show(h("h1", { id: "chart-title" }, `Link chart of ${start}`),
    h("p", {}, `Purpose of this analysis: ${purpose}. Each change is one audited analysis.`),
    h("div", { class: "chart-controls" }, kinds, windowControls,
      h("fieldset", {}, h("legend", {}, "Export"), FORMATS.map(([format, extension, type]) =>
        h("button", { type: "button", onclick: () => download(format, extension, type) }, `Export ${format.replace("_", " ")}`)))),
    message, info,
    h("div", { class: "chart-layout" }, container, list));
  cyHolder.cy = createCanvas(container, (ref) => expand(ref));
  const graph = await fetchNetwork(state.seeds);
  if (!graph) return;
  extendBounds(graph.links);
  merge(graph, true);
  render("");
}
