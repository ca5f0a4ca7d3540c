import type { Viewer } from '../../platform/auth/roles.js';
import { definePolicy } from '../../platform/policy/policy.js';
import { promiseRow, promiseScope } from './promises.scope.js';
import { replyScope } from '../suggestions/suggestions.scope.js';
import type { ScopeRow } from '../../platform/policy/row-scope.js';

/** A promise with what decides who may touch it. */
export interface PromiseAccess {
  ownerOrgId: string;
  /** The lead unit that wrote the reply. */
  replyUnitId: string;
  confirmed: boolean;
  discarded: boolean;
  /** User accounts of the suggestion's deputies (lead and co-signers who have not declined). */
  signerUserIds: string[];
  /** Of those, the ones who accepted: they may rate. */
  ratingUserIds: string[];
}

/** A reply with what decides who may see and add to its promises. */
export interface ReplyAccess {
  replyUnitId: string;
  /** Organisations that own any promise of the reply. */
  ownerOrgIds: string[];
  signerUserIds: string[];
  /** The reply as the suggestions' reply scope reads it (`replyRow`). */
  row: ScopeRow;
}

/** Unit staff, or the zone's staff, of the given organisation. */
export const staffOf = (a: Viewer, orgId: string | null | undefined) =>
  !!a && (a.role === 'unit_staff' || a.role === 'zone_staff') && !!a.orgUnitId && a.orgUnitId === orgId;

const oversight = (a: Viewer) => !!a && (a.role === 'organizer' || a.role === 'admin');
const LEDGER_ROLES = ['admin', 'organizer', 'unit_staff', 'zone_staff', 'deputy'];

/**
 * Who may do what to a promise. Organizer and admin read everything; a unit reads the promises it owns and
 * those of the replies it wrote; the zone reads its own and every confirmed one; a deputy reads the
 * confirmed promises of their own suggestions. The lead unit and the owner confirm, edit or discard
 * proposals; only the owner (unit or zone staff) reports progress; the suggestion's deputies rate delivery.
 */
export const promisePolicy = definePolicy<PromiseAccess, 'read' | 'review' | 'update' | 'rate'>({
  /** Row scope: declared once in promises.scope.ts (the ledger and every promise list use the same declaration). */
  read: (a, p) => promiseScope.verdict(a, promiseRow(p)),
  review: (a, p) => (staffOf(a, p.replyUnitId) || staffOf(a, p.ownerOrgId) ? true : '只有主办单位或责任单位可以确认、修改或舍弃承诺'),
  update: (a, p) => (staffOf(a, p.ownerOrgId) ? true : '只有该承诺的责任单位可以更新进度、状态和佐证材料'),
  rate: (a, p) => (a?.role === 'deputy' && p.ratingUserIds.includes(a.userId) ? true : '只有领衔或附议该建议的代表可以评价承诺落实情况'),
});

export const replyPromisePolicy = definePolicy<ReplyAccess, 'read' | 'propose'>({
  /** Whoever reads the reply with its suggestion (a draft: insiders only), and the staff of its promises' owners. */
  read: (a, r) => (r.ownerOrgIds.some((o) => staffOf(a, o)) ? true : replyScope.verdict(a, r.row)),
  propose: (a, r) => (staffOf(a, r.replyUnitId) ? true : '只有主办单位可以从答复中提取或新增承诺'),
});

export const ledgerPolicy = definePolicy<null, 'ledger' | 'toRate' | 'mine'>({
  ledger: (a) => (a && LEDGER_ROLES.includes(a.role) ? true : '承诺台账仅对交办方、承办单位、管委会和代表开放，其他人员请查看公开页面'),
  toRate: (a) => (a?.role === 'deputy' ? true : '仅代表可以评价承诺落实情况'),
  mine: (a) => (a && (a.role === 'unit_staff' || a.role === 'zone_staff') ? true : '仅承办单位和管委会有本单位承诺'),
});
