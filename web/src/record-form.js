// The record view's forms, built from the kinds' description (record-kinds.js): the add form of
// each kind, the revise form of an entry, and an entry's details. The API is the only
// validator (forms are novalidate): each error it answers is shown against the field its
// BAD_USER_INPUT names, and a CONFLICT offers to reload the record.
import { gql, GraphQLFailure } from "./api.js";
import { day, h } from "./dom.js";
import { COMMON, readName } from "./record-kinds.js";

const REVISE = `mutation Revise($input: ReviseRecordInput!) { reviseRecord(input: $input) { id } }`;
const addMutation = (k) => `mutation Add($input: Add${k.type}Input!) { ${k.mutation}(input: $input) { id } }`;

// "input.changes.summary", "input.attendees[1]" and a coercion error's "Variable '$input' has
// invalid value at .level: ..." (graphql-core 3.3; `field` names only the variable) all name
// the field "summary", "attendees", "level".
const COERCED = /^Variable '\$(\w+)' has invalid value(?: at ([\w.[\]]+))?: (.*)$/s;
function fieldOf(error) {
  let path = String(error.extensions?.field ?? "");
  let message = error.message;
  const coerced = message.match(COERCED);
  if (coerced) [path, message] = [`${coerced[1]}${coerced[2] ?? ""}`, coerced[3]];
  if (path && message.startsWith(`${path}: `)) message = message.slice(path.length + 2);
  return [path.replace(/\[\d+\]/g, "").split(".").pop(), message];
}

export function showErrors(form, err) {
  for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  const general = form.querySelector(".form-error");
  general.replaceChildren();
  for (const error of err.errors ?? [{ message: err.message, extensions: {} }]) {
    const [field, message] = fieldOf(error);
    const slot = field && form.querySelector(`[data-error-for="${field}"]`);
    if (slot) {
      slot.textContent = message;
      form.elements[field]?.setAttribute("aria-invalid", "true");
    } else general.append(h("span", {}, error.message));
  }
}

function offerReload(form, reload) {
  form.querySelector(".form-error").append(" ",
    h("button", { type: "button", class: "reload", onclick: reload }, "Reload the record"));
}

function options(field, view) {
  const given = typeof field.control === "function" ? field.control(view) : field.control;
  const pairs = given.map((o) => (Array.isArray(o) ? o : [o, o]));
  return field.required ? pairs : [["", "(none)"], ...pairs];
}

const listText = (value) => (Array.isArray(value) ? value.join(", ") : value ?? "");

function control(field, id, view, value) {
  const error = `${id}-error`;
  const common = { id, name: field.name, "aria-describedby": error };
  let input;
  if (typeof field.control !== "string") {
    input = h("select", common, options(field, view).map(([v, t]) =>
      h("option", { value: v, selected: value !== undefined && String(value ?? "") === String(v) }, t)));
  } else if (field.control === "textarea") {
    input = h("textarea", { ...common, rows: 3, cols: 50 }, value ?? "");
  } else if (field.control === "checkbox") {
    input = h("input", { ...common, type: "checkbox", checked: Boolean(value) });
  } else {
    const type = { date: "date", number: "number" }[field.control] ?? "text";
    input = h("input", { ...common, type, size: 50, value: field.control === "list" ? listText(value) : value ?? "" });
  }
  return [
    h("label", { for: id }, field.label, " ", input),
    h("span", { id: error, class: "field-error", "data-error-for": field.name, "aria-live": "polite" }),
  ];
}

// The value the API is sent for a field: null when empty (a required field's null is the API's
// to refuse), text as typed, lists split at commas, a number when it is one.
function valueOf(field, form) {
  const el = form.elements[field.name];
  if (field.control === "checkbox") return el.checked;
  const text = el.value.trim();
  if (field.control === "list") return text ? text.split(",").map((x) => x.trim()).filter(Boolean) : null;
  if (!text) return field.required && field.control === "text" ? "" : null;
  if (field.control === "number" && /^-?\d+$/.test(text)) return Number(text);
  return text;
}

function formShell(attrs, title, controls, submit) {
  return h("form", { novalidate: true, ...attrs }, title, controls,
    h("p", { class: "form-error error", "aria-live": "assertive" }),
    h("button", { type: "submit" }, submit));
}

function onSubmit(form, send, reload) {
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await send();
      await reload();
    } catch (err) {
      showErrors(form, err);
      if (err instanceof GraphQLFailure && err.code === "CONFLICT") offerReload(form, reload);
    }
  });
}

// The add form of one kind for the nominal; `view` is the record view's data.
export function addForm(k, view, reload) {
  const formId = `add-${k.kind.toLowerCase().replaceAll("_", "-")}`;
  const fields = [...k.fields, ...COMMON];
  const form = formShell({ id: formId, class: "card add-entry", "aria-labelledby": `${formId}-title` },
    h("h3", { id: `${formId}-title` }, `Add ${k.title}`),
    fields.map((f) => control(f, `${formId}-${f.name}`, view)), `Add ${k.title}`);
  onSubmit(form, () => {
    const input = { visorRef: view.nominal.visorRef };
    for (const f of fields) {
      const value = valueOf(f, form);
      if (value !== null && value !== false) input[f.name] = value;
      else if (f.required) input[f.name] = null;
    }
    return gql(addMutation(k), { input });
  }, reload);
  return form;
}

// The revise form of the current version of an entry: the kind's revisable fields, prefilled.
export function reviseForm(k, record, view, reload) {
  const fields = [...(k?.fields ?? []).filter((f) => f.revisable !== false), ...COMMON];
  const id = (name) => `rv-${record.id}-${name}`;
  const form = formShell({ class: "revise card", hidden: true, "aria-label": `Revise this ${record.kind}` }, null,
    fields.map((f) => control(f, id(f.name), view, record[readName(f)])), "Save the revision");
  onSubmit(form, () => {
    const changes = {};
    for (const f of fields) {
      const value = valueOf(f, form);
      const was = record[readName(f)];
      const same = f.control === "list" ? listText(value) === listText(was)
        : f.control === "checkbox" ? value === Boolean(was) : String(value ?? "") === String(was ?? "");
      if (!same) changes[f.name] = value;
    }
    return gql(REVISE, { input: { id: record.id, version: record.version, changes } });
  }, reload);
  const open = h("button", { type: "button", "aria-expanded": "false", onclick: () => {
    form.hidden = !form.hidden;
    open.setAttribute("aria-expanded", String(!form.hidden));
  } }, "Revise");
  return [open, form];
}

const person = (n) => `${[n.firstName, n.lastName].filter(Boolean).join(" ")} (${n.visorRef})`;

function shown(field, value) {
  if (field.name === "mentions") return value.map(person).join(", ");
  if (Array.isArray(value)) return value.join(", ");
  if (field.control === "date") return day(value);
  if (field.control === "checkbox") return value ? "yes" : "no";
  return String(value);
}

// An entry's own fields, as the user reads them: long text as paragraphs, the rest in one line.
export function details(k, record) {
  const present = (k?.fields ?? []).filter((f) => {
    const value = record[readName(f)];
    return readName(f) && value !== null && value !== undefined && !(Array.isArray(value) && !value.length);
  });
  const line = present.filter((f) => f.control !== "textarea")
    .map((f) => `${f.label.replace(/ \(.*\)$/, "")}: ${shown(f, record[readName(f)])}`);
  return [
    line.length ? h("p", { class: "details" }, line.join(" · ")) : null,
    present.filter((f) => f.control === "textarea").map((f) => h("p", { class: "text" }, record[readName(f)])),
  ];
}
