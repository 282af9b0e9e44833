// The transfers inbox: transfers into the reader's areas, kept live by the transferEvents
// subscription; accept, ask for information or escalate from here.
import { closeSubscriptions, gql, subscribe } from "./api.js";
import { day, h, show, status, when } from "./dom.js";

const PURPOSE = "transfers inbox";
const FIELDS = `id status requestedAt reason dueBy overdue fromArea { code name } toArea { code name }
  requestedBy { name agency { code } } nominal { visorRef firstName lastName }`;
const INBOX = `query Inbox { transfers(filter: { direction: IN, status: [REQUESTED, INFORMATION_REQUESTED, ESCALATED] }, first: 100) {
  totalCount edges { node { ${FIELDS} } } } }`;
const EVENTS = `subscription Events { transferEvents(purpose: "${PURPOSE}") { seq step { action at by { name } } transfer { ${FIELDS} } } }`;
const OPEN = new Set(["REQUESTED", "INFORMATION_REQUESTED", "ESCALATED"]);
const ACTIONS = {
  accept: [`mutation($t: String!, $v: String!) { acceptTransfer(transfer: $t, manager: $v) { id status } }`, "Receiving manager's staff id"],
  ask: [`mutation($t: String!, $v: String!) { requestTransferInformation(transfer: $t, question: $v) { id status } }`, "Question for the sender"],
  escalate: [`mutation($t: String!, $v: String!) { escalateTransfer(transfer: $t, reason: $v) { id status } }`, "Reason to escalate"],
};

let unsubscribe = null;
export function leaveTransfers() {
  unsubscribe?.();
  unsubscribe = null;
  closeSubscriptions();
}

export async function transfersScreen(me) {
  const rows = new Map();
  const covers = await gql(`{ me { agency { covers(withinAreas: true) { code } } } }`);
  const covered = new Set(covers.me.agency.covers.map((a) => a.code));
  const body = h("tbody", { id: "inbox-rows" });
  const count = h("p", { id: "inbox-count", "aria-live": "polite" });
  function render() {
    const open = [...rows.values()].filter((t) => OPEN.has(t.status));
    count.textContent = `${open.length} open transfers`;
    count.dataset.count = String(open.length);
    body.replaceChildren(...open.map((t) => row(t)));
  }
  function row(t) {
    const error = h("span", { class: "error" });
    const forms = Object.entries(ACTIONS).map(([name, [mutation, label]]) => {
      const id = `${name}-${t.id}`;
      const input = h("input", { id, name: "value", value: name === "accept" ? me.staffId : "", required: true });
      return h("form", { class: "transfer-action", "data-action": name, onsubmit: async (e) => {
          e.preventDefault();
          try {
            const data = await gql(mutation, { t: t.id, v: input.value }, { purpose: PURPOSE });
            const changed = Object.values(data)[0];
            rows.set(t.id, { ...t, status: changed.status });
            render();
            status(`Transfer of ${t.nominal.visorRef}: ${changed.status}`);
          } catch (err) { error.textContent = err.message; }
        } },
        h("label", { for: id }, label), " ", input, " ", h("button", { type: "submit" }, name));
    });
    return h("tr", { class: "transfer", dataset: { visorRef: t.nominal.visorRef } },
      h("td", {}, `${t.nominal.firstName} ${t.nominal.lastName} (${t.nominal.visorRef})`),
      h("td", {}, t.status), h("td", {}, `${t.fromArea?.name ?? "?"} → ${t.toArea?.name ?? "?"}`),
      h("td", {}, when(t.requestedAt), t.dueBy ? ` (due ${day(t.dueBy)}${t.overdue ? ", overdue" : ""})` : ""),
      h("td", {}, t.requestedBy ? `${t.requestedBy.name} (${t.requestedBy.agency?.code})` : ""),
      h("td", {}, t.reason), h("td", {}, forms, error));
  }
  show(h("h1", {}, "Transfers inbox"), count,
    h("table", {}, h("caption", {}, "Open transfers into your areas"),
      h("thead", {}, h("tr", {}, ["Nominal", "Status", "Move", "Requested", "By", "Reason", "Action"].map((x) => h("th", { scope: "col" }, x)))),
      body));
  leaveTransfers();
  unsubscribe = subscribe(EVENTS, {}, (data) => {
    const t = data.transferEvents.transfer;
    // the feed carries the reader's areas' transfers; an outbound one the list did not hold stays out
    const outbound = t.fromArea && covered.has(t.fromArea.code) && !rows.has(t.id);
    if (!outbound && (rows.has(t.id) || OPEN.has(t.status))) { rows.set(t.id, t); render(); }
  }, (err) => status(`Live updates stopped: ${err.message ?? err}`));
  try {
    const data = await gql(INBOX, {}, { purpose: PURPOSE });
    for (const { node } of data.transfers.edges) if (!rows.has(node.id)) rows.set(node.id, node);
    render();
  } catch (err) {
    count.textContent = err.message;
  }
}
