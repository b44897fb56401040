/**
 * The actor every command and event is recorded under when nobody is identified. Access control (a later
 * issue) replaces this with the API token's name; until then every request is anonymous.
 */
export const ANONYMOUS_ACTOR = 'anonymous';

/**
 * Who is asking, from the GraphQL context (HTTP request or WebSocket connection). The one place that
 * decides the actor, so access control changes this function and nothing else.
 */
export function currentActor(_context: unknown): string {
  return ANONYMOUS_ACTOR;
}
