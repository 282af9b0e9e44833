// The record kinds a contributor adds from the record view, described once: each kind's add
// mutation and input type (schema.graphql), its own fields in input order, and for each field
// its control, whether the input requires it, what the record view reads back (`read`, when
// the output field is named otherwise) and whether a revision may change it (RecordChanges).
// The add forms, the revise forms, the record view's fragments and each entry's details are
// all built from this list (record-form.js); summary and classification are common to all.

export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH", "VERY_HIGH"];
export const CLASSIFICATIONS = ["OFFICIAL", "OFFICIAL_SENSITIVE", "SECRET"];

// control: text | textarea | date | number | checkbox | list (comma separated) | a list of
// options | a function of the record view's data returning [value, label] pairs.
const tools = (view) => view.riskTools.map((t) => [t.code, t.name]);
const civilOrders = (view) => view.records
  .filter((r) => r.kind === "CIVIL_ORDER" && r.orderKind && r.revisions?.at(-1)?.id === r.id)
  .map((r) => [r.id, `${r.orderKind} imposed ${r.imposedOn}`]);

export const COMMON = [
  { name: "summary", label: "Summary", control: "text" },
  { name: "classification", label: "Classification", control: CLASSIFICATIONS, required: true },
];

export const KINDS = [
  { kind: "RISK_ASSESSMENT", type: "RiskAssessment", mutation: "addRiskAssessment", title: "risk assessment",
    fields: [
      { name: "tool", label: "Tool", control: tools, required: true },
      { name: "riskLevel", label: "Risk level", control: RISK_LEVELS, required: true },
      { name: "assessedOn", label: "Assessed on", control: "date", required: true },
      { name: "nextReviewOn", label: "Next review on", control: "date" },
    ] },
  { kind: "RISK_MANAGEMENT_PLAN", type: "RiskManagementPlan", mutation: "addRiskManagementPlan", title: "risk management plan",
    fields: [
      { name: "startsOn", label: "Starts on", control: "date", required: true },
      { name: "objectives", label: "Objectives", control: "textarea", required: true },
      { name: "reviewOn", label: "Review on", control: "date" },
    ] },
  { kind: "MEETING_MINUTES", type: "MeetingMinutes", mutation: "addMeetingMinutes", title: "meeting minutes",
    fields: [
      { name: "meetingOn", label: "Meeting on", control: "date", required: true },
      { name: "level", label: "MAPPA level", control: "number", required: true },
      { name: "minutes", label: "Minutes", control: "textarea", required: true },
      { name: "attendees", label: "Attendees (separated by commas)", control: "list" },
    ] },
  { kind: "INTELLIGENCE", type: "Intelligence", mutation: "addIntelligence", title: "intelligence",
    fields: [
      { name: "sourceEvaluation", label: "Source evaluation", control: ["RELIABLE", "UNTESTED", "NOT_RELIABLE"], required: true },
      { name: "intelligenceAssessment", label: "Intelligence assessment", control: ["A", "B", "C", "D", "E"], required: true },
      { name: "handlingCode", label: "Handling code", control: ["P", "C"], required: true },
      { name: "handlingConditions", label: "Handling conditions (required with code C)", control: "text" },
      { name: "text", label: "Text", control: "textarea", required: true },
      { name: "restricted", label: "Restricted", control: "checkbox" },
      { name: "mentions", label: "Mentions (VISOR references, separated by commas)", control: "list",
        read: "mentions { visorRef firstName lastName }", revisable: false },
    ] },
  { kind: "CONVICTION", type: "Conviction", mutation: "addConviction", title: "conviction",
    fields: [
      { name: "offence", label: "Offence", control: "text", required: true },
      { name: "convictedOn", label: "Convicted on", control: "date", required: true },
      { name: "court", label: "Court", control: "text" },
      { name: "sentence", label: "Sentence", control: "text" },
    ] },
  { kind: "CUSTODY_PERIOD", type: "CustodyPeriod", mutation: "addCustodyPeriod", title: "custody period",
    fields: [
      { name: "establishment", label: "Establishment", control: "text", required: true },
      { name: "startedOn", label: "Started on", control: "date", required: true },
      { name: "endedOn", label: "Ended on", control: "date" },
    ] },
  { kind: "NOTIFICATION", type: "Notification", mutation: "addNotification", title: "notification",
    fields: [
      { name: "notifiedOn", label: "Notified on", control: "date", required: true },
      { name: "requirement", label: "Requirement", control: "text", required: true },
      { name: "details", label: "Details", control: "textarea" },
    ] },
  { kind: "NOTE", type: "Note", mutation: "addNote", title: "note",
    fields: [{ name: "text", label: "Text", control: "textarea", required: true }] },
  { kind: "BREACH", type: "Breach", mutation: "addBreach", title: "breach",
    fields: [
      { name: "requirement", label: "Requirement breached", control: "text", required: true },
      { name: "reportedOn", label: "Reported on", control: "date", required: true },
      { name: "outcome", label: "Outcome", control: ["REPORTED", "CHARGED", "CAUTIONED", "CONVICTED", "NO_FURTHER_ACTION"], required: true },
      { name: "breaches", label: "Breach of", control: ["NOTIFICATION_REQUIREMENTS", "ORDER"], required: true, revisable: false },
      { name: "order", label: "The civil order breached", control: civilOrders,
        read: null, revisable: false },
    ] },
  { kind: "CIVIL_ORDER", type: "CivilOrder", mutation: "addCivilOrder", title: "civil order",
    fields: [
      { name: "kind", read: "orderKind", label: "Order",
        control: ["SHPO", "INTERIM_SHPO", "SRO", "INTERIM_SRO", "FOREIGN_TRAVEL_ORDER", "NOTIFICATION_ORDER"], required: true },
      { name: "imposedOn", label: "Imposed on", control: "date", required: true },
      { name: "expiresOn", label: "Expires on", control: "date", required: true },
      { name: "appliedBy", label: "Applied for by", control: "text", required: true },
    ] },
  { kind: "WHEREABOUTS_UNKNOWN", type: "WhereaboutsUnknown", mutation: "addWhereaboutsUnknown", title: "whereabouts unknown period",
    fields: [
      { name: "reason", label: "Reason", control: ["WANTED", "MISSING"], required: true },
      { name: "fromOn", label: "From", control: "date", required: true },
      { name: "toOn", label: "To", control: "date" },
    ] },
];

export const byKind = new Map(KINDS.map((k) => [k.kind, k]));

// The name a field is read back under, or null when the record view does not read it.
export const readName = (field) => (field.read === undefined ? field.name : field.read?.split(" ")[0] ?? null);

// The record view's selection of each kind's own fields, one inline fragment per kind.
export const recordFragments = () => KINDS.map((k) => {
  const reads = k.fields.map((f) => (f.read === undefined ? f.name : f.read)).filter(Boolean);
  return `... on ${k.type} { ${reads.join(" ")} }`;
}).join("\n      ");
