/** Org units named in the seed reply or implied by it. */
export const DEMO_ORGS = [
  { name: '高平市工业和信息化局', shortName: '工信局', kind: 'bureau', docPrefix: '高工信发', officialPhone: '5241566' },
  { name: '高平经济技术开发区管委会', shortName: '开发区管委会', kind: 'zone', docPrefix: '高开管发', officialPhone: null },
  { name: '恒通集团', shortName: '恒通集团', kind: 'company', docPrefix: null, officialPhone: null },
  { name: '高平市教育局', shortName: '教育局', kind: 'bureau', docPrefix: '高教发', officialPhone: null },
  { name: '高平市公安局', shortName: '公安局', kind: 'bureau', docPrefix: '高公发', officialPhone: null },
  { name: '高平市民政局', shortName: '民政局', kind: 'bureau', docPrefix: '高民发', officialPhone: null },
  { name: '高平市交通运输局', shortName: '交通运输局', kind: 'bureau', docPrefix: '高交发', officialPhone: null },
  { name: '高平市城市管理局', shortName: '城市管理局', kind: 'bureau', docPrefix: '高城管发', officialPhone: null },
  { name: '高平市行政审批服务管理局', shortName: '行政审批局', kind: 'bureau', docPrefix: '高审批发', officialPhone: null },
  { name: '高平市人大常委会人事代表工作委员会', shortName: '人代工委', kind: 'organizer', docPrefix: null, officialPhone: null },
  { name: '高平市人民政府办公室', shortName: '市政府办公室', kind: 'office', docPrefix: '高政办发', officialPhone: null },
  { name: '康硕（山西）智能制造有限公司', shortName: '康硕（山西）', kind: 'enterprise', docPrefix: null, officialPhone: null },
] as const;
