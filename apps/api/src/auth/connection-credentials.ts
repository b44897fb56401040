/**
 * The credentials of a graphql-ws `connection_init` payload. Browsers cannot set headers on a WebSocket,
 * so clients send the header's value as a payload field; both spellings and a nested `headers` object
 * (as some clients send) are accepted.
 */
export function connectionAuthorization(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const fields = payload as Record<string, unknown>;
  const headers = fields.headers;
  const nested =
    typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>) : undefined;
  return fields.Authorization ?? fields.authorization ?? nested?.Authorization ?? nested?.authorization;
}
