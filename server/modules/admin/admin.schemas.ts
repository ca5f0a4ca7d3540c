import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';

export const OrgUnitView = z.object({
  id: z.string(), name: z.string(), shortName: z.string(), kind: z.string(), docPrefix: z.string().nullable(),
  officialPhone: z.string().nullable(), isDemo: z.boolean(), version: z.number(),
});
export const ORG_KINDS = ['bureau', 'zone', 'company', 'organizer', 'office', 'enterprise', 'other'] as const;
export const OrgUnitCreate = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不能超过 60 个字'),
  shortName: z.string().trim().min(1, '请填写简称').max(20, '简称不能超过 20 个字'),
  kind: z.enum(ORG_KINDS),
  docPrefix: z.string().trim().max(20, '发文字号前缀不能超过 20 个字').nullable().optional(),
  officialPhone: z.string().trim().max(40).nullable().optional(),
});
export const OrgUnitUpdate = OrgUnitCreate.partial().extend({ version: z.number().int().positive() });

export const UserView = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(), disabled: z.boolean(), mustChangePassword: z.boolean(), isDemo: z.boolean(),
  lastLoginAt: z.string().nullable(), version: z.number(),
});
const Username = z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头');
export const UserCreate = z.object({
  username: Username,
  displayName: z.string().trim().min(1, '请填写姓名').max(40, '姓名不能超过 40 个字'),
  role: z.enum(ROLES, { message: '角色无效' }),
  orgUnitId: z.string().nullable(),
});
export const UserUpdate = z.object({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(40).optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: z.string().nullable().optional(),
  disabled: z.boolean().optional(),
});
export const TempPassword = z.object({ user: UserView, temporaryPassword: z.string() });
