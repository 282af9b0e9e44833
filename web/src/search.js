// Search by name: the hit list (no purpose needed); opening a hit asks for the purpose.
import { gql } from "./api.js";
import { day, h, show } from "./dom.js";

const SEARCH = `query Search($text: String!) {
  searchNominals(text: $text, first: 20) {
    totalCount edges { score node { visorRef firstName middleNames lastName aliases dateOfBirth } }
  }
}`;

export function searchScreen(text = "") {
  const input = h("input", { id: "search-text", name: "text", type: "search", value: text });
  const results = h("div", { id: "search-results", "aria-live": "polite" });
  async function run(query) {
    results.replaceChildren(h("p", {}, "Searching…"));
    try {
      const data = await gql(SEARCH, { text: query });
      const hits = data.searchNominals;
      results.replaceChildren(
        h("p", { id: "hit-count", dataset: { count: hits.totalCount } }, `${hits.totalCount} found`),
        h("table", {},
          h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "VISOR ref"), h("th", {}, "Born"), h("th", {}, "Aliases"))),
          h("tbody", {}, hits.edges.map(({ node }) =>
            h("tr", { class: "hit" },
              h("td", {}, h("a", { href: `#/record/${encodeURIComponent(node.visorRef)}` },
                [node.firstName, node.middleNames, node.lastName].filter(Boolean).join(" "))),
              h("td", {}, node.visorRef), h("td", {}, day(node.dateOfBirth)), h("td", {}, node.aliases.join(", ")))))),
      );
    } catch (err) {
      results.replaceChildren(h("p", { class: "error" }, err.message));
    }
  }
  show(
    h("h1", {}, "Search by name"),
    h("form", { role: "search", onsubmit: (e) => { e.preventDefault(); location.hash = `#/search/${encodeURIComponent(input.value)}`; } },
      h("label", { for: "search-text" }, "Name or alias"), input, " ", h("button", { type: "submit" }, "Search")),
    results,
  );
  if (text) run(text);
}
