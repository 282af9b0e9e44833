// The supervisor's screen: contributions by officer or by the agency (`contributions`), the
// minimum-standards breaches with the officer to mend each (`dataQuality`), and the MAPPA annual
// report's tables (`annualReport`). The lists that name nominals are consultations: the purpose
// is asked once for the screen.
import { gql } from "./api.js";
import { h, show, table, when } from "./dom.js";
import { askPurpose } from "./purpose.js";
import { session } from "./session.js";

const CONTRIBUTIONS = `query Contributions($officer: ID, $agency: ID, $from: DateTime) {
  contributions(officer: $officer, agency: $agency, from: $from, first: 100) {
    totalCount pageInfo { hasNextPage }
    edges { node { kind enteredAt about { visorRef firstName lastName } onBehalfOf { code }
      ... on RecordEntry { version enteredBy { staffId name } verifiedBy { name } }
      ... on RestrictedRecord { notice } } }
  }
}`;
const QUALITY = `query Quality($area: String, $on: Date) {
  dataQuality(area: $area, on: $on, first: 100) {
    version scoredOn
    overall { applicable breaching compliant }
    rules { rule { id description } applicable breaching compliant }
    breaching { edges { node { visorRef firstName lastName
      breaches { ruleId itemUid officer { staffId name } } } } }
  }
}`;
const REPORT = `query Report($year: Int!, $area: String) {
  annualReport(year: $year, area: $area) { title year areaCode generatedAt
    tables { id title columns rows notes } }
}`;

const AREA_ROLES = ["SUPERVISOR", "ANALYST", "ADMIN"];
export const supervises = (me) => (me?.roles ?? []).some((r) => AREA_ROLES.includes(r));

function field(id, label, attrs = {}) {
  return h("label", { for: id }, label, " ", h("input", { id, name: id, ...attrs }));
}

function section(id, title, form, results) {
  return h("section", { id, "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, title), form, results);
}

function guarded(results, run) {
  return async (event) => {
    event?.preventDefault();
    results.replaceChildren(h("p", {}, "Loading…"));
    try { results.replaceChildren(...await run()); } catch (err) { results.replaceChildren(h("p", { class: "error" }, err.message)); }
  };
}

function contributions(me, purpose) {
  const results = h("div", { id: "contributions-results", "aria-live": "polite" });
  const form = h("form", {}, field("contrib-officer", "Officer's staff id (empty: the whole agency)"),
    field("contrib-from", "Entered from", { type: "date" }), h("button", { type: "submit" }, "Show contributions"));
  form.addEventListener("submit", guarded(results, async () => {
    const officer = form.querySelector("#contrib-officer").value.trim();
    const from = form.querySelector("#contrib-from").value;
    const data = await gql(CONTRIBUTIONS, { officer: officer || null, agency: officer ? null : me.agency.id,
      from: from ? `${from}T00:00:00Z` : null }, { purpose });
    const c = data.contributions;
    const nodes = c.edges.map((e) => e.node);
    const byOfficer = new Map();
    for (const r of nodes) {
      const key = r.enteredBy ? `${r.enteredBy.name} (${r.enteredBy.staffId})` : "restricted";
      byOfficer.set(key, (byOfficer.get(key) ?? 0) + 1);
    }
    const whose = officer || `${me.agency.name} (${me.agency.code})`;
    return [
      h("p", { id: "contributions-total", dataset: { count: c.totalCount } }, `${c.totalCount} entries by ${whose}`,
        c.pageInfo.hasNextPage ? ` (the ${nodes.length} newest shown)` : ""),
      table("Entries by officer", ["Officer", "Entries"], [...byOfficer.entries()].map(([k, v]) => [k, String(v)]),
        { id: "contributions-by-officer" }),
      table("Entries, newest first", ["Entered", "Kind", "Nominal", "By", "For", "Verified"], nodes.map((r) => [
        when(r.enteredAt), r.kind, r.about ? `${r.about.firstName} ${r.about.lastName} (${r.about.visorRef})` : "",
        r.enteredBy?.name ?? (r.notice ? "restricted" : ""), r.onBehalfOf?.code ?? "",
        r.verifiedBy ? r.verifiedBy.name : "not verified"]), { id: "contributions-entries" }),
    ];
  }));
  return { node: section("contributions", "Contributions by officer and agency", form, results), form };
}

function quality(purpose) {
  const results = h("div", { id: "quality-results", "aria-live": "polite" });
  const form = h("form", {}, field("quality-area", "Area code (empty: every area you may score)"),
    field("quality-on", "Scored as on (empty: today)", { type: "date" }), h("button", { type: "submit" }, "Score"));
  form.addEventListener("submit", guarded(results, async () => {
    const area = form.querySelector("#quality-area").value.trim() || null;
    const on = form.querySelector("#quality-on").value || null;
    const q = (await gql(QUALITY, { area, on }, { purpose })).dataQuality;
    const count = (c) => [String(c.applicable), String(c.breaching), String(c.compliant)];
    const breaches = q.breaching.edges.flatMap(({ node: n }) => n.breaches.map((b) => [
      `${n.firstName} ${n.lastName} (${n.visorRef})`, b.ruleId, b.itemUid ?? "the whole record",
      b.officer ? `${b.officer.name} (${b.officer.staffId})` : "no one: no manager assigned"]));
    return [
      h("p", { id: "quality-overall", dataset: { applicable: q.overall.applicable, breaching: q.overall.breaching } },
        `Standards ${q.version}, scored on ${q.scoredOn}: ${q.overall.breaching} of ${q.overall.applicable} nominals breach at least one rule.`),
      table("Compliance by rule", ["Rule", "Description", "In scope", "Breaching", "Compliant"],
        q.rules.map((r) => [r.rule.id, r.rule.description, ...count(r)]), { id: "quality-rules" }),
      table(`Breaches (${q.overall.breaching} nominals) and the officer responsible`, ["Nominal", "Rule", "Item", "Responsible officer"],
        breaches, { id: "quality-breaches" }),
    ];
  }));
  return { node: section("quality", "Data-quality breaches", form, results), form };
}

function report() {
  const results = h("div", { id: "report-results", "aria-live": "polite" });
  const now = new Date();
  const lastYear = now.getUTCMonth() >= 3 ? now.getUTCFullYear() - 1 : now.getUTCFullYear() - 2;
  const form = h("form", {}, field("report-year", "Reporting year starting 1 April", { type: "number", value: lastYear, min: 2000, max: 2100 }),
    field("report-area", "Area code (empty: every nation)"), h("button", { type: "submit" }, "Show the annual report"));
  form.addEventListener("submit", guarded(results, async () => {
    const r = (await gql(REPORT, { year: Number(form.querySelector("#report-year").value),
      area: form.querySelector("#report-area").value.trim() || null })).annualReport;
    return [h("h3", {}, r.title),
      ...r.tables.map((t) => h("div", { class: "report-table", dataset: { table: t.id } },
        table(t.title, t.columns, t.rows.map((row) => row.map((cell) => cell ?? "n/a"))),
        t.notes.map((note) => h("p", { class: "note" }, note))))];
  }));
  return { node: section("annual-report", "Annual report", form, results), form };
}

export async function supervisorScreen() {
  const me = session.me;
  if (!supervises(me)) {
    show(h("h1", {}, "Supervisor"), h("p", {}, "This screen is for supervisors, analysts and admins."));
    return;
  }
  let purpose;
  try { purpose = await askPurpose("supervisor", "the supervisor's reports", "Open the reports"); }
  catch { location.hash = "#/search"; return; }
  const parts = [contributions(me, purpose), quality(purpose), report()];
  show(h("h1", {}, "Supervisor"), h("p", {}, `Purpose of these consultations: ${purpose}`), ...parts.map((p) => p.node));
}
