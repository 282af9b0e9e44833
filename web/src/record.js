// The record view: summary, entries by kind with provenance (stubs for restricted ones),
// management / partnership / area history, addresses and movement, transfers; add / verify.
import { gql, GraphQLFailure } from "./api.js";
import { day, h, show, table, when } from "./dom.js";
import { askPurpose } from "./purpose.js";
import { session } from "./session.js";

const RECORD = `query RecordView($ref: String!) {
  riskTools { code name }
  nominal(visorRef: $ref) {
    id visorRef firstName middleNames lastName aliases dateOfBirth riskLevel status category level version
    manager { staffId name agency { code } }
    partners { from officer { staffId name agency { code } } }
    managementHistory { from to officer { name agency { code } } }
    partnerHistory { from to officer { name agency { code } } }
    areaHistory { from to area { code name } }
    currentArea { code name }
    movementHistory { change from to residenceKind location { address postcode } localAuthority { name } mappaArea { name } recordedBy { name } }
    transfers { status requestedAt reason fromArea { name } toArea { name } requestedBy { name } }
    records(first: 100) {
      id kind enteredAt onBehalfOf { code name }
      ... on RecordEntry { classification version summary enteredBy { name } verifiedBy { name } verifiedAt
        revisionOf { id } revisions { id } }
      ... on RiskAssessment { tool riskLevel assessedOn }
      ... on Intelligence { text sourceEvaluation intelligenceAssessment handlingCode }
      ... on Note { text }
      ... on RestrictedRecord { notice }
    }
    provenance { totalEntries byAgency { agency { code } entries lastEntryAt } }
  }
}`;

const ADD_RISK = `mutation Add($input: AddRiskAssessmentInput!) { addRiskAssessment(input: $input) { id } }`;
const REVISE = `mutation Revise($input: ReviseRecordInput!) { reviseRecord(input: $input) { id } }`;
const VERIFY = `mutation Verify($id: ID!) { verifyRecord(input: { id: $id }) { id } }`;

const fullName = (n) => [n.firstName, n.middleNames, n.lastName].filter(Boolean).join(" ");
const period = (p) => `${day(p.from)} – ${p.to ? day(p.to) : "now"}`;

function fieldErrors(form, err) {
  for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
  const general = form.querySelector(".form-error");
  general.replaceChildren();
  for (const error of err.errors ?? [{ message: err.message, extensions: {} }]) {
    const field = String(error.extensions?.field ?? "").split(".").pop();
    const slot = field && form.querySelector(`[data-error-for="${field}"]`);
    if (slot) slot.textContent = error.message;
    else general.append(h("span", {}, error.message));
  }
}

function conflictOffer(form, ref) {
  const general = form.querySelector(".form-error");
  general.append(" ", h("button", { type: "button", class: "reload", onclick: () => recordScreen(ref) }, "Reload the record"));
}

function addRiskForm(nominal, tools, ref) {
  const input = (name, label, attrs = {}) => [
    h("label", { for: `ra-${name}` }, label, " ", h("input", { id: `ra-${name}`, name, ...attrs })),
    h("span", { class: "field-error", "data-error-for": name, "aria-live": "polite" }),
  ];
  const select = (name, label, options) => [
    h("label", { for: `ra-${name}` }, label, " ",
      h("select", { id: `ra-${name}`, name }, options.map(([v, t]) => h("option", { value: v }, t)))),
    h("span", { class: "field-error", "data-error-for": name }),
  ];
  const form = h("form", { id: "add-risk-assessment", class: "card" },
    h("h3", {}, "Add a risk assessment"),
    select("tool", "Tool", tools.map((t) => [t.code, t.name])),
    select("riskLevel", "Risk level", ["LOW", "MEDIUM", "HIGH", "VERY_HIGH"].map((x) => [x, x])),
    input("assessedOn", "Assessed on", { type: "date" }),
    select("classification", "Classification", ["OFFICIAL", "OFFICIAL_SENSITIVE", "SECRET"].map((x) => [x, x])),
    input("summary", "Summary", { size: 50 }),
    h("p", { class: "form-error error", "aria-live": "assertive" }),
    h("button", { type: "submit" }, "Add risk assessment"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    const payload = { visorRef: nominal.visorRef, ...data };
    if (!payload.summary) delete payload.summary;
    if (!payload.assessedOn) payload.assessedOn = null;
    try {
      await gql(ADD_RISK, { input: payload });
      await recordScreen(ref);
    } catch (err) {
      fieldErrors(form, err);
      if (err instanceof GraphQLFailure && err.code === "CONFLICT") conflictOffer(form, ref);
    }
  });
  return form;
}

// The fields a revision may change, by kind (RecordChanges names them); summary and
// classification for every kind.
const REVISABLE = {
  RISK_ASSESSMENT: [["riskLevel", "Risk level", ["LOW", "MEDIUM", "HIGH", "VERY_HIGH"]], ["assessedOn", "Assessed on", "date"]],
  INTELLIGENCE: [["text", "Text", "text"]],
  NOTE: [["text", "Text", "text"]],
};

function reviseForm(record, ref) {
  const id = (name) => `rv-${record.id}-${name}`;
  const control = ([name, label, type]) => [
    h("label", { for: id(name) }, label, " ", Array.isArray(type)
      ? h("select", { id: id(name), name }, type.map((v) => h("option", { value: v, selected: record[name] === v }, v)))
      : h("input", { id: id(name), name, type, size: 50, value: record[name] ?? "" })),
    h("span", { class: "field-error", "data-error-for": name, "aria-live": "polite" }),
  ];
  const fields = [["summary", "Summary", "text"], ...(REVISABLE[record.kind] ?? []),
    ["classification", "Classification", ["OFFICIAL", "OFFICIAL_SENSITIVE", "SECRET"]]];
  const form = h("form", { class: "revise card", hidden: true, "aria-label": `Revise this ${record.kind}` },
    fields.map(control), h("p", { class: "form-error error", "aria-live": "assertive" }),
    h("button", { type: "submit" }, "Save the revision"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const changes = {};
    for (const [name, value] of new FormData(form)) if (value !== String(record[name] ?? "")) changes[name] = value || null;
    try {
      await gql(REVISE, { input: { id: record.id, version: record.version, changes } });
      await recordScreen(ref);
    } catch (err) {
      fieldErrors(form, err);
      if (err instanceof GraphQLFailure && err.code === "CONFLICT") conflictOffer(form, ref);
    }
  });
  const open = h("button", { type: "button", "aria-expanded": "false", onclick: () => {
    form.hidden = !form.hidden;
    open.setAttribute("aria-expanded", String(!form.hidden));
  } }, "Revise");
  return [open, form];
}

function entry(record, canVerify, ref, canRevise = false) {
  if (record.notice !== undefined) {
    return h("li", { class: "card stub", dataset: { kind: record.kind, restricted: "true" } },
      h("strong", {}, `${record.kind} (restricted)`), ` entered ${when(record.enteredAt)} for ${record.onBehalfOf?.code ?? "?"}: `,
      record.notice);
  }
  const actions = h("span", { class: "form-error error" });
  const verify = canVerify && !record.verifiedBy
    ? h("button", { type: "button", onclick: async () => {
        try { await gql(VERIFY, { id: record.id }); await recordScreen(ref); }
        catch (err) {
          actions.replaceChildren(err.message);
          if (err.code === "CONFLICT") actions.append(" ", h("button", { type: "button", onclick: () => recordScreen(ref) }, "Reload the record"));
        }
      } }, "Verify")
    : null;
  return h("li", { class: "card", dataset: { kind: record.kind } },
    h("strong", {}, record.kind), record.tool ? ` ${record.tool} ${record.riskLevel} (assessed ${day(record.assessedOn)})` : "",
    record.summary ? h("p", { class: "summary" }, record.summary) : null,
    record.text ? h("p", { class: "text" }, record.text) : null,
    record.handlingCode ? h("p", {}, `Grading ${record.sourceEvaluation}${record.intelligenceAssessment}${record.handlingCode}`) : null,
    h("p", { class: "provenance" },
      `Entered by ${record.enteredBy?.name ?? "unknown"} on behalf of ${record.onBehalfOf?.name ?? "?"}, ${when(record.enteredAt)}; `,
      record.classification, "; ",
      record.verifiedBy ? `verified by ${record.verifiedBy.name} ${when(record.verifiedAt)}` : "not verified",
      record.revisionOf ? "; a revision" : "", record.revisions?.length > 1 ? `; ${record.revisions.length} versions` : ""),
    verify, actions,
    canRevise && record.revisions?.at(-1)?.id === record.id ? reviseForm(record, ref) : null);
}

export async function recordScreen(ref) {
  let purpose;
  try {
    purpose = await askPurpose(`nominal:${ref}`, ref);
  } catch {
    location.hash = "#/search";
    return;
  }
  show(h("p", {}, "Loading…"));
  let data;
  try {
    data = await gql(RECORD, { ref }, { purpose });
  } catch (err) {
    show(h("h1", {}, ref), h("p", { class: "error" }, err.message));
    return;
  }
  const n = data.nominal;
  const me = session.me;
  const isManager = n.manager?.staffId === me?.staffId;
  const isPartner = n.partners.some((p) => p.officer.staffId === me?.staffId);
  const byKind = new Map();
  for (const r of n.records) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  show(
    h("h1", { id: "record-title" }, `${fullName(n)} (${n.visorRef})`),
    h("section", { id: "summary", "aria-label": "Summary" },
      h("p", {}, `Born ${day(n.dateOfBirth)} · Category ${n.category} · Level ${n.level} · Risk ${n.riskLevel} · ${n.status}`),
      h("p", {}, `Manager: ${n.manager ? `${n.manager.name} (${n.manager.agency?.code})` : "none"} · Area: ${n.currentArea?.name ?? "none"}`),
      n.aliases.length ? h("p", {}, `Aliases: ${n.aliases.join(", ")}`) : null,
      h("p", { id: "provenance-total" }, `${n.provenance.totalEntries} entries from ${n.provenance.byAgency.map((a) => `${a.agency?.code} (${a.entries})`).join(", ")}`),
      h("p", {}, `Purpose of this consultation: ${purpose}`),
      h("p", {}, h("a", { id: "open-chart", class: "button", href: `#/chart/${encodeURIComponent(n.visorRef)}` }, "Open the link chart"))),
    h("section", { id: "records", "aria-label": "Records by kind" },
      h("h2", {}, "Records"),
      [...byKind.entries()].map(([kind, records]) => [
        h("h3", {}, `${kind} (${records.length})`),
        h("ul", {}, records.map((r) => entry(r, isManager, ref, isManager || isPartner))),
      ]),
      isManager || isPartner ? addRiskForm(n, data.riskTools, ref) : null),
    h("section", { id: "history", "aria-label": "History" },
      h("h2", {}, "Management, partnership and area"),
      table("Managers", ["Officer", "Agency", "Period"], n.managementHistory.map((p) => [p.officer.name, p.officer.agency?.code, period(p)])),
      table("Partners", ["Officer", "Agency", "Period"], n.partnerHistory.map((p) => [p.officer.name, p.officer.agency?.code, period(p)])),
      table("Managing areas", ["Area", "Period"], n.areaHistory.map((p) => [p.area.name, period(p)]))),
    h("section", { id: "movement", "aria-label": "Addresses and movement" },
      h("h2", {}, "Addresses and movement"),
      h("ol", { class: "timeline" }, n.movementHistory.map((m) => h("li", {},
        h("time", { datetime: day(m.from) }, period(m)), " ", m.change, " ",
        m.location ? `${m.location.address}, ${m.location.postcode}` : "",
        m.localAuthority ? ` (${m.localAuthority.name})` : "",
        m.recordedBy ? ` recorded by ${m.recordedBy.name}` : "")))),
    h("section", { id: "transfers", "aria-label": "Transfers" },
      table("Transfers", ["Status", "Requested", "From", "To", "By", "Reason"], n.transfers.map((t) =>
        [t.status, when(t.requestedAt), t.fromArea?.name ?? "", t.toArea?.name ?? "", t.requestedBy?.name ?? "", t.reason]))),
  );
}
