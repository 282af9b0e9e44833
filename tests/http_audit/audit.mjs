// Runs graphql-http's serverAudits (the GraphQL-over-HTTP specification's audit) against a
// running visor-graph service and prints one JSON array of results:
// [{"id", "name", "status": "ok" | "notice" | "warn" | "error", "reason"}].
//
//   VISOR_AUDIT_URL=http://127.0.0.1:8000/graphql VISOR_AUDIT_TOKEN=<bearer token> node audit.mjs
//
// Every request carries the token (the service answers 401 without one); nothing else is
// changed in what the audit sends.
import { serverAudits } from 'graphql-http';

const url = process.env.VISOR_AUDIT_URL;
const token = process.env.VISOR_AUDIT_TOKEN;
if (!url || !token) {
  console.error('set VISOR_AUDIT_URL and VISOR_AUDIT_TOKEN');
  process.exit(2);
}

function withToken(input, init = {}) {
  const headers = new Headers(init.headers || {});
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: withToken })) {
  const result = await audit.fn();
  results.push({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? null : result.reason,
  });
}
console.log(JSON.stringify(results, null, 1));
