// The data protection officer's screen: the subject access request register
// (`subjectAccessRequests`), a request's disclosure package with its flags (`disclosurePackage`),
// the decision (`decideSubjectAccessRequest`), and who consulted a record, when and why
// (`auditTrail`), or what an officer consulted (`accessLog`).
import { gql } from "./api.js";
import { h, show, table, when } from "./dom.js";
import { askPurpose } from "./purpose.js";
import { session } from "./session.js";

const REGISTER = `{ subjectAccessRequests(first: 100) { totalCount edges { node {
  id visorRef receivedAt status requesterName decision exemption decidedAt handledBy { name } } } } }`;
const PACKAGE = `query Package($request: ID!) { disclosurePackage(request: $request) {
  request { id visorRef status decision }
  nominal { visorRef firstName lastName dateOfBirth }
  records { id kind version current classification enteredAt onBehalfOf summary enteredBy { name }
    restricted restrictionReasons }
  residences { __typename } associations { __typename } managers { __typename } partners { __typename }
} }`;
const DECIDE = `mutation Decide($input: DecideSubjectAccessRequestInput!) {
  decideSubjectAccessRequest(input: $input) { id status decision exemption decidedAt } }`;
const EVENT = "totalCount edges { node { seq at action purpose officer { staffId name } nominals { visorRef } } }";
const TRAIL = `query Trail($visorRef: String!) { auditTrail(visorRef: $visorRef, first: 100) { ${EVENT} } }`;
const LOG = `query Log($officer: String!) { accessLog(officer: $officer, first: 100) { ${EVENT} } }`;

const DPO_ROLES = ["DATA_PROTECTION_OFFICER", "ADMIN"];
export const protectsData = (me) => (me?.roles ?? []).some((r) => DPO_ROLES.includes(r));

function decisionForm(request, onDecided) {
  const error = (name) => h("span", { class: "field-error", "data-error-for": name, "aria-live": "polite" });
  const form = h("form", { id: "sar-decision", class: "card" }, h("h3", {}, "Decision"),
    h("label", { for: "sar-decision-value" }, "Decision ",
      h("select", { id: "sar-decision-value", name: "decision" }, ["DISCLOSE", "PARTIAL", "REFUSE"].map((d) => h("option", { value: d }, d)))),
    error("decision"),
    h("label", { for: "sar-exemption" }, "Exemption relied on (for PARTIAL and REFUSE) ", h("input", { id: "sar-exemption", name: "exemption", size: 40 })),
    error("exemption"),
    h("label", { for: "sar-reasons" }, "Reasons ", h("input", { id: "sar-reasons", name: "reasons", size: 60 })),
    error("reasons"),
    h("p", { class: "form-error error", "aria-live": "assertive" }),
    h("button", { type: "submit" }, "Record the decision"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    for (const el of form.querySelectorAll(".field-error, .form-error")) el.textContent = "";
    const data = Object.fromEntries(new FormData(form));
    try {
      const decided = (await gql(DECIDE, { input: { request: request.id, decision: data.decision,
        exemption: data.exemption.trim() || null, reasons: data.reasons } })).decideSubjectAccessRequest;
      onDecided(decided);
    } catch (err) {
      for (const error of err.errors ?? [{ message: err.message }]) {
        const name = String(error.extensions?.field ?? "").split(".").pop();
        const slot = name && form.querySelector(`[data-error-for="${name}"]`);
        (slot || form.querySelector(".form-error")).textContent = error.message;
      }
    }
  });
  return form;
}

async function openPackage(request, holder, reload) {
  holder.replaceChildren(h("p", {}, "Loading…"));
  try {
    const p = (await gql(PACKAGE, { request: request.id })).disclosurePackage;
    const flagged = p.records.filter((r) => r.restricted);
    holder.replaceChildren(
      h("h2", { id: "package-title" }, `Disclosure package: ${p.nominal.firstName} ${p.nominal.lastName} (${p.nominal.visorRef})`),
      h("p", { id: "package-summary", dataset: { records: p.records.length, flagged: flagged.length } },
        `${p.records.length} record versions, ${flagged.length} flagged to consider before disclosing; `
        + `${p.residences.length} residences, ${p.associations.length} associations, ${p.managers.length} managers, ${p.partners.length} partners.`),
      table("Records, oldest first", ["Entered", "Kind", "Version", "Classification", "By", "For", "Flags"], p.records.map((r) => [
        when(r.enteredAt), r.kind, `${r.version}${r.current ? "" : " (replaced)"}`, r.classification, r.enteredBy?.name ?? "",
        r.onBehalfOf ?? "", r.restricted ? h("strong", { class: "flag" }, r.restrictionReasons.join("; ")) : "none"]),
      { id: "package-records" }),
      p.request.status === "DECIDED"
        ? h("p", { id: "sar-decided" }, `Decided: ${p.request.decision}.`)
        : decisionForm(request, (decided) => {
          holder.querySelector("#sar-decision").replaceWith(h("p", { id: "sar-decided" },
            `Decided: ${decided.decision}${decided.exemption ? ` (exemption: ${decided.exemption})` : ""} at ${when(decided.decidedAt)}.`));
          reload();
        }));
  } catch (err) {
    holder.replaceChildren(h("p", { class: "error" }, err.message));
  }
}

function events(connection, id) {
  return [h("p", { id: `${id}-count`, dataset: { count: connection.totalCount } }, `${connection.totalCount} events`),
    table("Events, newest first", ["When", "Action", "Officer", "Why", "Nominals"], connection.edges.map(({ node: e }) => [
      when(e.at), e.action, `${e.officer.name} (${e.officer.staffId})`, e.purpose ?? "", e.nominals.map((n) => n.visorRef).join(", ")]),
    { id: `${id}-events` })];
}

function lookup(id, title, label, run) {
  const results = h("div", { id: `${id}-results`, "aria-live": "polite" });
  const input = h("input", { id: `${id}-input`, required: true });
  const form = h("form", { onsubmit: async (e) => {
    e.preventDefault();
    results.replaceChildren(h("p", {}, "Loading…"));
    try { results.replaceChildren(...events(await run(input.value.trim()), id)); }
    catch (err) { results.replaceChildren(h("p", { class: "error" }, err.message)); }
  } }, h("label", { for: `${id}-input` }, label), " ", input, " ", h("button", { type: "submit" }, "Show"));
  return h("section", { id, "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, title), form, results);
}

export async function dpoScreen() {
  if (!protectsData(session.me)) {
    show(h("h1", {}, "Data protection"), h("p", {}, "This screen is for data protection officers and admins."));
    return;
  }
  let purpose;
  try { purpose = await askPurpose("dpo", "the audit trail", "Open the audit screens"); }
  catch { location.hash = "#/search"; return; }
  const register = h("div", { id: "sar-register", "aria-live": "polite" });
  const packageHolder = h("section", { id: "sar-package", "aria-label": "Disclosure package" });
  async function load() {
    try {
      const c = (await gql(REGISTER)).subjectAccessRequests;
      register.replaceChildren(h("p", { id: "sar-count" }, `${c.totalCount} requests`),
        table("Subject access requests, newest first", ["Received", "Nominal", "Requester", "Status", "Decision", ""],
          c.edges.map(({ node: r }) => [when(r.receivedAt), r.visorRef, r.requesterName ?? "", r.status,
            r.decision ? `${r.decision}${r.exemption ? ` (${r.exemption})` : ""}` : "",
            h("button", { type: "button", "aria-label": `Open the package of ${r.visorRef} received ${when(r.receivedAt)}`,
              onclick: () => openPackage(r, packageHolder, load) }, "Open the package")]),
          { id: "sar-table" }));
    } catch (err) {
      register.replaceChildren(h("p", { class: "error" }, err.message));
    }
  }
  show(h("h1", {}, "Data protection"),
    h("section", { id: "sar", "aria-labelledby": "sar-title" }, h("h2", { id: "sar-title" }, "Subject access request register"), register),
    packageHolder,
    lookup("trail", "Who consulted a record, when and why", "VISOR reference",
      async (visorRef) => (await gql(TRAIL, { visorRef }, { purpose })).auditTrail),
    lookup("log", "What an officer consulted", "Officer's staff id",
      async (officer) => (await gql(LOG, { officer }, { purpose })).accessLog));
  await load();
}
