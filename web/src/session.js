// The signed-in officer's token, kept for the tab only, and signed out when it expires.
const KEY = "visor-token";
let timer = null;
const listeners = [];

function expiry(token) {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return typeof payload.exp === "number" ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

export const session = {
  token: sessionStorage.getItem(KEY),
  me: null,
  signIn(token) {
    const exp = expiry(token);
    if (exp === null) throw new Error("not a well-formed token");
    this.token = token;
    sessionStorage.setItem(KEY, token);
    clearTimeout(timer);
    timer = setTimeout(() => this.expired(), Math.max(0, exp - Date.now()));
  },
  forget() {
    this.token = null;
    this.me = null;
    sessionStorage.removeItem(KEY);
    clearTimeout(timer);
  },
  signOut(reason = "") {
    this.token = null;
    this.me = null;
    sessionStorage.removeItem(KEY);
    clearTimeout(timer);
    for (const listener of listeners) listener(reason);
  },
  expired() {
    if (this.token) this.signOut("Your session has expired: sign in again.");
  },
  onSignOut(listener) {
    listeners.push(listener);
  },
};
if (session.token) {
  try {
    session.signIn(session.token);
  } catch {
    session.signOut();
  }
}
