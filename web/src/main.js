// The page: who is signed in, the screens by URL hash, sign-out at expiry.
import { h } from "./dom.js";
import { recordScreen } from "./record.js";
import { searchScreen } from "./search.js";
import { dpoScreen, protectsData } from "./dpo.js";
import { session } from "./session.js";
import { supervises, supervisorScreen } from "./supervisor.js";
import { loadMe, signInScreen } from "./signin.js";
import { leaveTransfers, transfersScreen } from "./transfers.js";

function header() {
  const who = document.getElementById("who");
  const nav = document.getElementById("nav");
  const me = session.me;
  if (!me) {
    who.replaceChildren();
    nav.replaceChildren();
    return;
  }
  who.replaceChildren(
    h("span", { id: "me-name" }, me.name), " · ",
    h("span", { id: "me-agency" }, me.agency.name), " · ",
    h("span", { id: "me-roles" }, (me.roles ?? []).join(", ")),
    h("button", { type: "button", id: "sign-out", onclick: () => session.signOut("Signed out.") }, "Sign out"));
  nav.replaceChildren(...[
    h("a", { href: "#/search" }, "Search"),
    h("a", { href: "#/chart" }, "Link chart"),
    h("a", { href: "#/transfers" }, "Transfers inbox"),
    supervises(me) ? h("a", { href: "#/supervisor" }, "Supervisor") : null,
    protectsData(me) ? h("a", { href: "#/dpo" }, "Data protection") : null,
  ].filter(Boolean));
}

async function route() {
  if (!session.token || !session.me) {
    if (session.token) {
      try { await loadMe(); } catch { session.signOut(); }
    }
    if (!session.me) {
      header();
      await signInScreen(() => { header(); route(); });
      return;
    }
  }
  header();
  const [, screen, arg] = location.hash.split("/");
  const value = arg ? decodeURIComponent(arg) : "";
  if (screen !== "transfers") leaveTransfers();
  document.body.dataset.screen = screen || "search";
  if (screen === "record" && value) await recordScreen(value);
  else if (screen === "transfers") await transfersScreen(session.me);
  else if (screen === "supervisor") await supervisorScreen();
  else if (screen === "dpo") await dpoScreen();
  else if (screen === "chart") await (await import("./chart.js")).chartScreen(value);
  else searchScreen(value);
  document.body.dataset.ready = location.hash;
}

session.onSignOut((reason) => {
  leaveTransfers();
  header();
  signInScreen(() => { header(); route(); }, reason);
});
window.addEventListener("hashchange", route);
route();
