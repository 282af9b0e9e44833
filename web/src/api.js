// The service's public GraphQL API: queries over HTTP, subscriptions over graphql-transport-ws.
import { createClient } from "graphql-ws";
import { session } from "./session.js";

export class GraphQLFailure extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join("; "));
    this.errors = errors;
  }
  get code() {
    return this.errors[0]?.extensions?.code;
  }
}

export async function gql(query, variables = {}, { purpose } = {}) {
  const headers = { "Content-Type": "application/json" };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (purpose) headers["X-Visor-Purpose"] = purpose;
  const response = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    if (body.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) session.expired();
    throw new GraphQLFailure(body.errors);
  }
  return body.data;
}

let client = null;

export function subscribe(query, variables, onData, onError) {
  if (!client) {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
    client = createClient({
      url,
      connectionParams: () => ({ Authorization: `Bearer ${session.token}` }),
      lazy: true,
    });
  }
  return client.subscribe(
    { query, variables },
    {
      next: (message) =>
        message.errors ? onError(new GraphQLFailure(message.errors)) : onData(message.data),
      error: (err) => onError(err),
      complete: () => {},
    },
  );
}

export function closeSubscriptions() {
  client?.dispose();
  client = null;
}
