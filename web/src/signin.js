// Sign in: paste a bearer token, or (development only) pick a demo officer.
import { gql, GraphQLFailure } from "./api.js";
import { h, show } from "./dom.js";
import { session } from "./session.js";

export const ME = `{ me { staffId name roles clearance agency { id code name } } }`;

export async function loadMe() {
  const data = await gql(ME);
  session.me = data.me;
  return data.me;
}

export async function signInScreen(onSignedIn, notice = "") {
  const error = h("p", { class: "error", id: "signin-error", "aria-live": "assertive" });
  const tokenInput = h("textarea", { id: "token", name: "token", rows: 3, cols: 60 });
  async function useToken(token) {
    error.textContent = "";
    try {
      session.signIn(token.trim());
      await loadMe();
      onSignedIn();
    } catch (err) {
      session.forget();
      error.textContent = err instanceof GraphQLFailure ? err.message : `Token refused: ${err.message}`;
    }
  }
  const pasted = h(
    "form",
    { onsubmit: (e) => { e.preventDefault(); useToken(tokenInput.value); } },
    h("label", { for: "token" }, "Bearer token"),
    tokenInput,
    h("div", {}, h("button", { type: "submit" }, "Sign in")),
  );
  const parts = [h("h1", {}, "Sign in"), notice ? h("p", { class: "error" }, notice) : null, pasted, error];
  const officers = await fetch("/app/dev/officers").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (officers) {
    const select = h("select", { id: "demo-officer", name: "officer" },
      officers.officers.map((staffId) => h("option", { value: staffId }, staffId)));
    parts.push(
      h("h2", {}, "Development: sign in as a demo officer"),
      h("form", {
        onsubmit: async (e) => {
          e.preventDefault();
          const r = await fetch(`/app/dev/token?staffId=${encodeURIComponent(select.value)}`, { method: "POST" });
          const body = await r.json();
          if (!r.ok) { error.textContent = body.errors[0].message; return; }
          await useToken(body.token);
        },
      }, h("label", { for: "demo-officer" }, "Demo officer"), select, " ",
        h("button", { type: "submit" }, "Sign in as demo officer")),
    );
  }
  show(...parts);
}
