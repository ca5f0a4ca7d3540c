import type { Actor, Role, Viewer } from '../auth/roles.js';
import { forbidden, unauthorized } from '../errors.js';

/**
 * A rule answers true (allowed) or a Chinese reason for refusing. Rules see the actor (null = public)
 * and, for row-scoped actions, the row; they are the one place that says who may do what.
 */
export type Rule<Row> = (actor: Viewer, row: Row) => true | string;

export type Policy<Row, A extends string> = Record<A, Rule<Row>>;

export function definePolicy<Row, A extends string = string>(rules: Policy<Row, A>): Policy<Row, A> {
  return rules;
}

/** Throws 401/403 with the rule's reason unless allowed. */
export function authorize<Row, A extends string>(policy: Policy<Row, A>, actor: Viewer, action: A, row: Row): asserts actor is Viewer {
  const verdict = policy[action](actor, row);
  if (verdict === true) return;
  if (!actor) unauthorized('请先登录');
  forbidden(verdict);
}

export function allowed<Row, A extends string>(policy: Policy<Row, A>, actor: Viewer, action: A, row: Row): boolean {
  return policy[action](actor, row) === true;
}

/** Helpers that make rules read like sentences. */
export const roleIs =
  (...roles: Role[]) =>
  (actor: Viewer): true | string =>
    actor && roles.includes(actor.role) ? true : `仅限${roles.map(roleName).join('、')}操作`;

export const requireActor = (actor: Viewer): actor is Actor => actor !== null;

import { ROLE_LABELS } from '../auth/roles.js';
function roleName(role: Role): string {
  return ROLE_LABELS[role];
}
