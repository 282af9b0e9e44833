// The purpose of a consultation: asked once per record, then sent with every request for it.
import { h } from "./dom.js";

const purposes = new Map();

export function knownPurpose(key) {
  return purposes.get(key);
}

export function askPurpose(key, title, action = "Open record") {
  if (purposes.has(key)) return Promise.resolve(purposes.get(key));
  return new Promise((resolve, reject) => {
    const input = h("input", { id: "purpose-input", name: "purpose", required: true, size: 40 });
    const dialog = h(
      "dialog",
      { "aria-labelledby": "purpose-title" },
      h(
        "form",
        {
          method: "dialog",
          onsubmit: (event) => {
            event.preventDefault();
            const text = input.value.trim();
            if (!text) return;
            purposes.set(key, text);
            dialog.close();
            dialog.remove();
            resolve(text);
          },
        },
        h("h2", { id: "purpose-title" }, `Why are you opening ${title}?`),
        h("label", { for: "purpose-input" }, "Purpose of this consultation (recorded in the audit trail)"),
        input,
        h("div", {}, h("button", { type: "submit" }, action), " ",
          h("button", { type: "button", onclick: () => { dialog.close(); dialog.remove(); reject(new Error("cancelled")); } }, "Cancel")),
      ),
    );
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
