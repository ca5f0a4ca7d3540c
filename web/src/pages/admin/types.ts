import type { Role } from '../../lib/auth';

export interface OrgUnit { id: string; name: string; shortName: string; kind: string; docPrefix: string | null; officialPhone: string | null; isDemo: boolean; version: number }
export interface User { id: string; username: string; displayName: string; role: Role; orgUnitId: string | null; orgUnitName: string | null; disabled: boolean; mustChangePassword: boolean; isDemo: boolean; lastLoginAt: string | null; version: number }

export const ROLE_OPTIONS: Array<{ value: Role; label: string }> = [
  { value: 'admin', label: '系统管理员' },
  { value: 'organizer', label: '交办方' },
  { value: 'unit_staff', label: '承办单位' },
  { value: 'deputy', label: '代表' },
  { value: 'zone_staff', label: '管委会' },
  { value: 'agent', label: '代办员' },
  { value: 'enterprise', label: '企业' },
];

export const ORG_KIND_OPTIONS = [
  { value: 'bureau', label: '政府部门' },
  { value: 'zone', label: '开发区管委会' },
  { value: 'company', label: '平台公司' },
  { value: 'organizer', label: '交办机构' },
  { value: 'office', label: '办公室' },
  { value: 'enterprise', label: '企业' },
  { value: 'other', label: '其他' },
];
