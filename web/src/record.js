// The record view: summary, entries by kind with provenance (stubs for restricted ones),
// management / partnership / area history, addresses and movement, transfers; add / verify.
import { gql } from "./api.js";
import { day, h, show, table, when } from "./dom.js";
import { askPurpose } from "./purpose.js";
import { addForm, details, reviseForm } from "./record-form.js";
import { byKind, KINDS, recordFragments } from "./record-kinds.js";
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
      ${recordFragments()}
      ... on RestrictedRecord { notice }
    }
    provenance { totalEntries byAgency { agency { code } entries lastEntryAt } }
  }
}`;

const VERIFY = `mutation Verify($id: ID!) { verifyRecord(input: { id: $id }) { id } }`;

const fullName = (n) => [n.firstName, n.middleNames, n.lastName].filter(Boolean).join(" ");
const period = (p) => `${day(p.from)} – ${p.to ? day(p.to) : "now"}`;

let chosenKind = KINDS[0].kind; // the add form last chosen, kept across reloads of the record

// The kind picker and the add form of the chosen kind.
function addEntry(view, reload) {
  const holder = h("div", { id: "add-form" });
  const pick = () => holder.replaceChildren(addForm(byKind.get(chosenKind), view, reload));
  const picker = h("select", { id: "add-kind", onchange: (e) => { chosenKind = e.target.value; pick(); } },
    KINDS.map((k) => h("option", { value: k.kind, selected: k.kind === chosenKind }, k.title)));
  pick();
  return h("section", { id: "add-entry", "aria-label": "Add an entry" },
    h("h2", {}, "Add an entry"), h("label", { for: "add-kind" }, "Kind of entry "), picker, holder);
}

function entry(record, canVerify, view, reload, canRevise = false) {
  if (record.notice !== undefined) {
    return h("li", { class: "card stub", dataset: { kind: record.kind, restricted: "true" } },
      h("strong", {}, `${record.kind} (restricted)`), ` entered ${when(record.enteredAt)} for ${record.onBehalfOf?.code ?? "?"}: `,
      record.notice);
  }
  const actions = h("span", { class: "form-error error" });
  const verify = canVerify && !record.verifiedBy
    ? h("button", { type: "button", onclick: async () => {
        try { await gql(VERIFY, { id: record.id }); await reload(); }
        catch (err) {
          actions.replaceChildren(err.message);
          if (err.code === "CONFLICT") actions.append(" ", h("button", { type: "button", onclick: reload }, "Reload the record"));
        }
      } }, "Verify")
    : null;
  return h("li", { class: "card", dataset: { kind: record.kind } },
    h("strong", {}, record.kind),
    record.summary ? h("p", { class: "summary" }, record.summary) : null,
    details(byKind.get(record.kind), record),
    h("p", { class: "provenance" },
      `Entered by ${record.enteredBy?.name ?? "unknown"} on behalf of ${record.onBehalfOf?.name ?? "?"}, ${when(record.enteredAt)}; `,
      record.classification, "; ",
      record.verifiedBy ? `verified by ${record.verifiedBy.name} ${when(record.verifiedAt)}` : "not verified",
      record.revisionOf ? "; a revision" : "", record.revisions?.length > 1 ? `; ${record.revisions.length} versions` : ""),
    verify, actions,
    canRevise && record.revisions?.at(-1)?.id === record.id ? reviseForm(byKind.get(record.kind), record, view, reload) : null);
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
  const view = { nominal: n, riskTools: data.riskTools, records: n.records };
  const reload = () => recordScreen(ref);
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
        h("ul", {}, records.map((r) => entry(r, isManager, view, reload, isManager || isPartner))),
      ])),
    isManager || isPartner ? addEntry(view, reload) : null,
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
