import type { Viewer } from '../../platform/auth/roles.js';
import { definePolicy, roleIs } from '../../platform/policy/policy.js';

/** A prefix of the registry with the units whose prefix it is (org_unit.doc_prefix). */
export interface PrefixAccess {
  prefix: string;
  ownerOrgIds: string[];
}

const ownsPrefix = (a: Viewer, p: PrefixAccess) => a?.role === 'unit_staff' && !!a.orgUnitId && p.ownerOrgIds.includes(a.orgUnitId);
const organizerOrAdmin = (a: Viewer) => a?.role === 'organizer' || a?.role === 'admin';

/**
 * The document-number registry: the organizer and the admin keep every prefix; unit staff keep their own
 * unit's prefix (read, allocate, reserve, void, enter by hand); nobody else sees it.
 */
export const registryPolicy = definePolicy<PrefixAccess, 'read' | 'manage'>({
  read: (a, p) => {
    if (!a) return '请先登录';
    if (organizerOrAdmin(a) || ownsPrefix(a, p)) return true;
    return a.role === 'unit_staff' ? `发文字号“${p.prefix}”不属于本单位，无权查看` : '仅限交办方、承办单位和系统管理员查看发文字号';
  },
  manage: (a, p) => {
    if (!a) return '请先登录';
    if (organizerOrAdmin(a) || ownsPrefix(a, p)) return true;
    return a.role === 'unit_staff' ? `只能为本单位的发文字号（而非“${p.prefix}”）取号、预留、作废或登记` : '仅限交办方、承办单位和系统管理员管理发文字号';
  },
});

/** The pages of the module that need no row: the registry's list of prefixes, the checker, the importer. */
export const documentsPolicy = definePolicy<null, 'registry' | 'check' | 'import'>({
  registry: roleIs('organizer', 'unit_staff', 'admin'),
  check: roleIs('organizer', 'unit_staff', 'admin'),
  import: roleIs('organizer', 'unit_staff', 'admin'),
});

/** A reply with what decides who may have its document. */
export interface ReplyAccess {
  state: string;
  unitId: string;
  /** app_user ids of the deputies the reply is addressed to (signers who did not decline). */
  addresseeUserIds: string[];
}

const leadUnit = (a: Viewer, r: ReplyAccess) => a?.role === 'unit_staff' && a.orgUnitId === r.unitId;

export const replyDocumentPolicy = definePolicy<ReplyAccess, 'download' | 'number'>({
  /** The lead unit, the organizer and the admin; a deputy only the submitted reply addressed to them. */
  download: (a, r) => {
    if (!a) return '请先登录';
    if (organizerOrAdmin(a) || leadUnit(a, r)) return true;
    if (a.role === 'deputy') {
      if (!r.addresseeUserIds.includes(a.userId)) return '只能下载答复给本人的答复件';
      return r.state === 'submitted' ? true : '答复尚未提交，暂不能下载';
    }
    return a.role === 'unit_staff' ? '只有主办单位可以下载答复件' : '无权下载答复件';
  },
  /** 取号: the lead unit (its own prefix), the organizer and the admin. */
  number: (a, r) => (organizerOrAdmin(a) || leadUnit(a, r) ? true : '只有主办单位可以为答复取号'),
});
