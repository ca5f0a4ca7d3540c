import type { Role } from '../platform/auth/roles.js';

/** The demo password: printed at first start in demo mode; production refuses to start while any user has it. */
export const DEMO_PASSWORD = 'demo123456';
export const KNOWN_DEFAULT_PASSWORDS = [DEMO_PASSWORD, 'admin', 'admin123', 'password', '123456', 'qunei'];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  org: string | null;
  note: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', org: '高平市人民政府办公室', note: '用户、单位、工作日历、规则、审计' },
  { username: 'organizer', displayName: '赵敏（演示）', role: 'organizer', org: '高平市人大常委会人事代表工作委员会', note: '交办、督办、发布、统计' },
  { username: 'gongxin', displayName: '李晓东（演示）', role: 'unit_staff', org: '高平市工业和信息化局', note: '第187号建议主办单位' },
  { username: 'hengtong', displayName: '王磊（演示）', role: 'unit_staff', org: '恒通集团', note: '协办单位' },
  { username: 'jiaoyu', displayName: '陈静（演示）', role: 'unit_staff', org: '高平市教育局', note: '协办单位' },
  { username: 'gaoyipeng', displayName: '郜义鹏', role: 'deputy', org: null, note: '第187号建议领衔代表' },
  { username: 'like', displayName: '李科', role: 'deputy', org: null, note: '第187号建议附议代表' },
  { username: 'duxiaolin', displayName: '杜小林', role: 'deputy', org: null, note: '第187号建议附议代表' },
  { username: 'hanzhifeng', displayName: '韩志峰', role: 'deputy', org: null, note: '第187号建议附议代表' },
  { username: 'wanjianqin', displayName: '万建勤', role: 'deputy', org: null, note: '第187号建议附议代表' },
  { username: 'zone', displayName: '张伟（演示）', role: 'zone_staff', org: '高平经济技术开发区管委会', note: '重点项目、园区生活' },
  { username: 'agent', displayName: '刘洋（演示）', role: 'agent', org: '高平经济技术开发区管委会', note: '全代办专班' },
  { username: 'kangshuo', displayName: '康硕（山西）联系人（演示）', role: 'enterprise', org: '康硕（山西）智能制造有限公司', note: '入园企业' },
];
