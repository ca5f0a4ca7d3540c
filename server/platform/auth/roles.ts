export const ROLES = ['admin', 'organizer', 'unit_staff', 'deputy', 'zone_staff', 'agent', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  organizer: '交办方',
  unit_staff: '承办单位',
  deputy: '代表',
  zone_staff: '管委会',
  agent: '代办员',
  enterprise: '企业',
};

/** Who is asking. `null` is the public (no login). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string | null;
  orgUnitName: string | null;
}

export type Viewer = Actor | null;

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
