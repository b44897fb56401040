/**
 * Who may do what. Roles are ordered: each includes everything the ones before it may do.
 * - reader: queries and subscriptions;
 * - recorder: also create and update records, link evidence;
 * - reviewer: also assess commitments, set implementation status, correct and retract records;
 * - admin: also manage API tokens.
 */
export const ROLES = ['reader', 'recorder', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `held` is `required` or a role above it. */
export function roleAllows(held: Role, required: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(required);
}
