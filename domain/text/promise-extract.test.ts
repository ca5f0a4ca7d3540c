import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractPromises, extractPromisesFromReply, type ProposedPromise } from './promise-extract.js';
import { learnOrgNames, pointOwner } from './promise-owner.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const AUG22 = '2024-08-22';

/** The public seed reply (高工信发〔2024〕37号). */
function seedText(): string {
  const candidates = [path.join(here, 'fixtures/replies/seed-187.txt'), '/work/shared/seed/000_af06e6b62db51218.txt'];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error('seed reply not found');
  return readFileSync(file, 'utf8');
}

function fromSentence(text: string, replyDate: string | null = AUG22): ProposedPromise[] {
  return extractPromises({ points: [{ ordinal: 1, heading: null, text }], replyDate });
}

function only(text: string, replyDate: string | null = AUG22): ProposedPromise {
  const list = fromSentence(text, replyDate);
  expect(list, JSON.stringify(list, null, 1)).toHaveLength(1);
  return list[0];
}

describe('the seed reply', () => {
  const promises = extractPromisesFromReply(seedText());
  const find = (point: number, words: string) => promises.find((p) => p.point === point && p.text.includes(words));

  it('point 1: the school tops out by the end of the year', () => {
    expect(find(1, '预计年底主体封顶')).toMatchObject({
      due: '2024-12-31', action: '主体封顶', status: 'planned', openEnded: false, owner: null,
    });
  });

  it('point 4: greening of at least 35,000 m² this year, by 恒通集团', () => {
    expect(find(4, '全年不少于3.5万平米')).toMatchObject({
      due: '2024-12-31', target: { value: 35000, unit: 'm²', comparator: '>=' }, status: 'planned', owner: '恒通集团',
    });
  });

  it('point 5: water, heating, power and gas in operation within the year', () => {
    expect(find(5, '年内投入运营')).toMatchObject({
      due: '2024-12-31', action: '投入运营', status: 'planned', owner: '恒通集团',
    });
  });

  it('point 6: the 163 亩 of standard land transferred in August', () => {
    expect(find(6, '有望8月份顺利出让')).toMatchObject({
      due: '2024-08-31', action: '出让', target: { value: 163, unit: '亩', comparator: '=' }, status: 'planned',
      owner: '高平经济技术开发区管委会',
    });
  });

  it('point 6: the 80,000 m² of standard factories, reported as already started', () => {
    expect(find(6, '8万平方米标准化厂房已全面开工')).toMatchObject({
      due: null, action: '开工', target: { value: 80000, unit: 'm²', comparator: '=' }, status: 'done',
    });
  });

  it('open-ended 下一步 intentions of points 4 and 6 have no date', () => {
    const next = promises.filter((p) => p.text.startsWith('下一步'));
    expect(next.map((p) => p.point).sort()).toEqual([4, 4, 6]);
    for (const p of next) expect(p).toMatchObject({ due: null, openEnded: true, status: 'planned' });
  });

  it('the canteen and the other facilities are reported done', () => {
    expect(find(2, '已正式对外营业')).toMatchObject({ status: 'done', owner: '恒通集团', target: { value: 1500, unit: 'm²' } });
    expect(find(2, '也已建成')).toMatchObject({ status: 'done', action: '建成' });
  });

  it('owners: 恒通公司 is 恒通集团; point 1 names nobody', () => {
    const owners = new Map(promises.filter((p) => p.point !== null).map((p) => [p.point, p.owner]));
    expect(owners.get(1)).toBeNull();
    expect(owners.get(2)).toBe('恒通集团');
    expect(owners.get(4)).toBe('恒通集团');
    expect(owners.get(5)).toBe('恒通集团');
    expect(owners.get(6)).toBe('高平经济技术开发区管委会');
  });

  it('background facts are not promises', () => {
    const all = promises.map((p) => p.text).join('\n');
    for (const fact of ['1800多名', '5路公交车', '120万元增加到300万元', '3660万元', '1832万元', '74项赋权事项', '上半年打基础', '完成60%']) {
      expect(all).not.toContain(fact);
    }
  });

  it('nothing planned is due before the reply date', () => {
    for (const p of promises) if (p.status === 'planned' && p.due) expect(p.due >= AUG22).toBe(true);
  });

  it('every promise quotes a clause or sentence, not a paragraph', () => {
    for (const p of promises) expect(p.text.length).toBeLessThan(200);
  });
});

describe('planned promises from single sentences', () => {
  const cases: [name: string, text: string, replyDate: string, expected: Partial<ProposedPromise>][] = [
    ['确保 with 年底前', '我局将督促施工单位加快进度，确保综合楼年底前完成主体施工。', '2024-09-10', { due: '2024-12-31', action: '完成' }],
    ['计划 with 明年3月', '该路段改造工程计划明年3月开工建设。', '2024-11-05', { due: '2025-03-31', action: '开工' }],
    ['力争 with 明年上半年', '园区污水处理厂提标改造项目力争明年上半年建成投运。', AUG22, { due: '2025-06-30', action: '建成投运' }],
    ['计划于2025年3月', '新建的社区卫生服务站计划于2025年3月投入使用。', AUG22, { due: '2025-03-31', action: '投入使用' }],
    ['预计2025年底', '人才公寓二期工程预计2025年底竣工交付。', AUG22, { due: '2025-12-31', action: '竣工' }],
    ['将于X月中旬', '该批次土地将于9月中旬挂牌出让。', AUG22, { due: '2024-09-20' }],
    ['X月上旬', '我局将于10月上旬组织召开现场推进会。', AUG22, { due: '2024-10-10' }],
    ['X月下旬', '供热管网改造工程预计11月下旬完工。', AUG22, { due: '2024-11-30', action: '完工' }],
    ['a quarter without a commitment word', '三季度完成全部标识标牌安装。', AUG22, { due: '2024-09-30', action: '完成' }],
    ['a quarter already past', '一季度启动招标工作。', AUG22, { due: '2025-03-31', action: '启动' }],
    ['N日内', '我们将在15日内予以书面答复。', AUG22, { due: '2024-09-06' }],
    ['a future year alone', '2025年实现园区5G网络全覆盖。', AUG22, { due: '2025-12-31', action: '覆盖' }],
    ['春节前', '春节前完成农民工工资清欠工作。', '2024-11-20', { due: '2025-01-28', action: '完成' }],
    ['X月X日前', '确保12月31日前全部投入使用。', AUG22, { due: '2024-12-31', action: '投入使用' }],
    ['明年 with 实施', '明年继续实施老旧小区改造。', AUG22, { due: '2025-12-31', action: '实施' }],
    ['今年下半年', '今年下半年启动二期工程建设。', AUG22, { due: '2024-12-31', action: '启动' }],
    ['本月底前', '本月底前完成施工图设计。', AUG22, { due: '2024-08-31' }],
    ['N个月内', '3个月内完成整改。', '2024-11-30', { due: '2025-02-28' }],
    ['N个工作日内', '我们将在10个工作日内将核查结果书面反馈企业。', AUG22, { due: '2024-09-05' }],
    ['3月份 in a November reply', '二期厂房3月份开工。', '2024-11-10', { due: '2025-03-31', action: '开工' }],
    ['8月份 in an August reply', '该地块有望8月份完成出让。', AUG22, { due: '2024-08-31' }],
  ];
  for (const [name, text, replyDate, expected] of cases) {
    it(name, () => expect(only(text, replyDate)).toMatchObject({ status: 'planned', openEnded: false, ...expected }));
  }
});

describe('targets', () => {
  const cases: [name: string, text: string, target: ProposedPromise['target'], due: string][] = [
    ['不少于 …万平方米 for the year', '全年新增绿化面积不少于2万平方米。', { value: 20000, unit: 'm²', comparator: '>=' }, '2024-12-31'],
    ['…个以上 within the year', '年内新增就业岗位300个以上。', { value: 300, unit: '个', comparator: '>=' }, '2024-12-31'],
    ['亿元 from the clause before', '项目总投资1.2亿元，计划明年6月建成。', { value: 120000000, unit: '元', comparator: '=' }, '2025-06-30'],
    ['公里 with 通车', '新建道路全长约50公里，预计年底前全线通车。', { value: 50, unit: '公里', comparator: '=' }, '2024-12-31'],
    ['a count with a deadline', '年内新增停车位2000个。', { value: 2000, unit: '个', comparator: '=' }, '2024-12-31'],
    ['超过 …亿元 with 力争', '力争全年招商引资到位资金超过5亿元。', { value: 500000000, unit: '元', comparator: '>=' }, '2024-12-31'],
    ['Chinese numerals for people', '年内完成三千名职工技能培训。', { value: 3000, unit: '人', comparator: '=' }, '2024-12-31'],
    ['Chinese numerals for area', '明年建成两万平方米标准化厂房。', { value: 20000, unit: 'm²', comparator: '=' }, '2025-12-31'],
    ['不超过 as a limit', '力争年底前将企业开办时间压缩到不超过2个工作日。', { value: 2, unit: '工作日', comparator: '<=' }, '2024-12-31'],
  ];
  for (const [name, text, target, due] of cases) {
    it(name, () => expect(only(text)).toMatchObject({ target, due, status: 'planned' }));
  }

  it('a time limit to reach is a target, not a deadline', () => {
    expect(only('园区企业开办事项将压缩至3个工作日内办结。')).toMatchObject({
      due: null, openEnded: true, action: '办结', target: { value: 3, unit: '工作日', comparator: '<=' },
    });
  });
});

describe('open-ended commitments', () => {
  const cases: [name: string, text: string][] = [
    ['近期将', '近期将组织相关部门开展联合检查。'],
    ['尽快', '我们将尽快协调供电公司解决园区临时用电问题。'],
    ['下一步 with 持续', '下一步，我局将持续跟踪项目进展，及时协调解决困难。'],
    ['将 alone', '我们将建立多部门协作联动机制，为新入驻人员提供优质高效的户籍服务。'],
    ['拟', '拟在园区增设一处便民服务点。'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const p = only(text);
      expect(p).toMatchObject({ due: null, openEnded: true, status: 'planned' });
      expect(p.dueRule).toContain('未写明期限');
    });
  }

  it('a commitment and its deadline in the next clause are one promise', () => {
    const p = only('下一步，我们将加快推进项目建设，力争年底前建成投用。');
    expect(p).toMatchObject({ due: '2024-12-31', openEnded: false, action: '建成投用' });
  });

  it('a plan year and a later deadline are one promise with the deadline', () => {
    expect(only('我局将把大班额化解纳入2025年教育专项规划，力争两年内消除大班额。', '2024-07-16')).toMatchObject({ due: '2026-07-16' });
  });
});

describe('done, never planned in the past', () => {
  it('已于去年底建成投用 is done with that date', () => {
    expect(only('该项目已于去年底建成投用。')).toMatchObject({ status: 'done', due: '2023-12-31', action: '建成投用' });
  });

  it('已正式对外营业', () => {
    expect(only('园区职工餐厅已正式对外营业。')).toMatchObject({ status: 'done', due: null });
  });

  it('已全面开工', () => {
    expect(only('二期标准化厂房已全面开工。')).toMatchObject({ status: 'done', action: '开工' });
  });

  it('已完成 with a month earlier this year keeps that date', () => {
    expect(only('今年3月已完成设备招标。')).toMatchObject({ status: 'done', due: '2024-03-31' });
  });

  it('a done clause and a planned clause in one sentence', () => {
    const list = fromSentence('前期手续已完成，计划10月份开工。');
    expect(list.map((p) => [p.status, p.due, p.action])).toEqual([
      ['done', null, '完成'],
      ['planned', '2024-10-31', '开工'],
    ]);
  });

  it('a planned clause and a done clause in one sentence', () => {
    const list = fromSentence('变电站扩容工程将于明年一季度投入运行，目前已完成设备招标。');
    expect(list.map((p) => [p.status, p.due])).toEqual([
      ['planned', '2025-03-31'],
      ['done', null],
    ]);
  });

  it('a plan dated before the reply is not a planned promise', () => {
    expect(fromSentence('计划于2024年6月开工建设。')).toEqual([]);
  });

  it('progress in per cent is not done', () => {
    expect(fromSentence('目前，园区道路硬化已完成80%，绿化工程正在有序推进。')).toEqual([]);
  });
});

describe('background facts are not promises', () => {
  const cases: [name: string, text: string][] = [
    ['statistics of last year', '开发区现有规模以上工业企业56家，2023年实现工业总产值120亿元。'],
    ['今年以来 with a count', '今年以来，累计接待企业咨询1200余人次。'],
    ['截至 with a count', '截至6月底，已办理各类审批事项326件。'],
    ['a timetable', '开发区至市内可乘坐5路公交车，发车间隔为10至15分钟。'],
    ['以…为例', '以2023年为例，全区兑现各类奖补资金3660万元。'],
    ['the closing courtesy', '感谢你们对开发区建设的关心和支持，并欢迎今后提出更加宝贵的意见。'],
    ['an effect after completion', '项目建成后，可提供就业岗位500个。'],
    ['a forecast after completion', '项目建成后，预计可实现年产值10亿元，新增就业岗位800个。'],
    ['a yearly routine', '上半年打基础、下半年依法依规出让、次年适时建设标准厂房。'],
    ['将 meaning 把 in a past year', '2023年将专项费用由120万元增加到300万元。'],
    ['a quoted suggestion', '你们提出的“力争年底前建成社区食堂”的建议很有针对性。'],
    ['capacity of a school', '该校建设标准为初中十二轨制，建成后能满足周边1800多名学生入学需求。'],
    ['payments so far this year', '今年压茬兑现政策奖补资金1832万元。'],
    ['first-half statistics', '今年上半年，全市完成固定资产投资45亿元。'],
    ['将…作为 describing current work', '我市将城乡环卫一体化工作作为民生实事之一加快推进。'],
    ['a slogan in quotes', '创新服务改革，助推项目“拿地即开工”。'],
    ['the reply formula', '以上答复你们是否满意，如有意见，敬请反馈。'],
  ];
  for (const [name, text] of cases) {
    it(name, () => expect(fromSentence(text)).toEqual([]));
  }
});

describe('more ways replies describe facts', () => {
  it('after 截至, 已开工 reports statistics, not a promise kept', () => {
    const list = fromSentence('今年计划改造老旧小区98个，截至7月底，已开工85个，完工32个。');
    expect(list.map((p) => [p.status, p.due, p.target?.value])).toEqual([['planned', '2024-12-31', 98]]);
  });

  it('a project put on a plan is not a promise by itself', () => {
    const list = fromSentence('东环路修复工程已列入2024年县城基础设施建设计划，预计9月初开工。');
    expect(list.map((p) => [p.status, p.due, p.action])).toEqual([['planned', '2024-09-10', '开工']]);
  });

  it('a service time limit runs from each request, not from the reply', () => {
    expect(only('建立涉企诉求快速响应机制，企业诉求3个工作日内响应、15个工作日内办结。').due).toBeNull();
  });

  it('a past year describing the object does not make the plan past', () => {
    expect(only('2023年我市计划改造2000年以前建成的老旧小区21个。', '2023-08-30')).toMatchObject({
      due: '2023-12-31', action: '改造', target: { value: 21, unit: '个', comparator: '=' },
    });
  });

  it('ASCII quotes hide slogans like Chinese ones', () => {
    expect(only('9月底前实现20个高频事项"一件事一次办"。').target).toEqual({ value: 20, unit: '个', comparator: '=' });
  });

  it('下一步 followed only by a courtesy is nothing', () => {
    expect(fromSentence('下一步，我们将认真吸纳贵委的意见建议。')).toEqual([]);
  });

  it('已将 reports a change made, not one to make', () => {
    expect(fromSentence('已将城乡客运票价统一调整为2元，惠及沿线群众约15万人。')).toEqual([]);
  });

  it('a programme named 计划 is not a plan to act', () => {
    expect(fromSentence('今年通过特岗计划和公开招聘为乡村学校补充教师41名。')).toEqual([]);
  });

  it('funds obtained this year are not a promise', () => {
    expect(fromSentence('今年为县内铸造企业争取省级技术改造专项资金1260万元。')).toEqual([]);
  });

  it('力争今年 with a milestone is a promise', () => {
    expect(only('力争今年建成投用。')).toMatchObject({ due: '2024-12-31', action: '建成投用' });
  });

  it('the target of 由…增加到 is the new figure', () => {
    expect(only('今年将全县水质监测点由42个增加到68个。').target).toEqual({ value: 68, unit: '个', comparator: '=' });
  });

  it('a numbered item inside a point keeps its words, not its number', () => {
    expect(only('1.对手续齐全的9个项目已全部办结登记。').text).toBe('对手续齐全的9个项目已全部办结登记');
  });

  it('工期 and 24小时 describe, they are not targets', () => {
    expect(only('预计9月初开工，工期60天。').target).toBeNull();
    expect(only('年内建成24小时自助服务区。').target).toBeNull();
  });
});

describe('a reply of several points', () => {
  const reply = [
    '关于市十六届人大三次会议第215号建议的答复',
    '',
    '张建国代表：',
    '',
    '您提出的《关于加快老旧小区改造的建议》收悉。现答复如下：',
    '',
    '一、基本情况',
    '2023年，全市共改造老旧小区126个，惠及居民1.8万户。今年计划改造老旧小区98个，截至7月底，已开工85个，完工32个。',
    '',
    '二、下一步工作',
    '（一）拓宽资金渠道。由市财政局牵头，积极争取专项债券支持，2025年力争争取上级资金不少于2亿元。',
    '（二）推进加装电梯。计划明年完成加装电梯200部。',
    '（三）加强长效管理。改造完成后，指导小区成立业主委员会，巩固改造成果。',
    '',
    '感谢您对住房城乡建设工作的关心和支持。',
    '',
    '市住房和城乡建设局',
    '2024年8月5日',
  ].join('\n');

  it('finds the promises of each point and nothing else', () => {
    const list = extractPromisesFromReply(reply);
    expect(list.map((p) => [p.point, p.status, p.due, p.target?.value ?? null])).toEqual([
      [1, 'planned', '2024-12-31', 98],
      [2, 'planned', '2025-12-31', 200000000],
      [2, 'planned', '2025-12-31', 200],
    ]);
    expect(list[1].owner).toBe('市财政局');
  });
});

describe('without a reply date', () => {
  it('relative words give no date, but the promise stays dated in kind', () => {
    const p = only('预计年底主体封顶。', null);
    expect(p).toMatchObject({ due: null, openEnded: false, status: 'planned' });
    expect(p.dueRule).toContain('无法推算');
  });

  it('an absolute month still resolves', () => {
    expect(only('计划于2025年3月开工。', null)).toMatchObject({ due: '2025-03-31' });
  });

  it('the reply’s own date wins over the fallback', () => {
    const list = extractPromisesFromReply(seedText(), '2030-01-01');
    expect(list.find((p) => p.text.includes('预计年底主体封顶'))?.due).toBe('2024-12-31');
  });

  it('the fallback is used when the reply has no date', () => {
    const text = '一、关于道路问题\n\n该路段计划年底前完成改造。\n';
    expect(extractPromisesFromReply(text, '2025-03-01')[0]?.due).toBe('2025-12-31');
    expect(extractPromisesFromReply(text)[0]?.due).toBeNull();
  });
});

describe('points and text outside them', () => {
  it('a heading that is a dated commitment counts; a topic heading does not', () => {
    const list = extractPromises({
      points: [
        { ordinal: 1, heading: '加快学校建设，确保年底主体封顶', text: '目前各单体正在同步施工。' },
        { ordinal: 2, heading: '下一步工作', text: '我局将持续跟踪。' },
      ],
      replyDate: AUG22,
    });
    expect(list.map((p) => [p.point, p.due, p.action])).toEqual([
      [1, '2024-12-31', '主体封顶'],
      [2, null, null],
    ]);
  });

  it('a reply without numbered points gives promises with point null', () => {
    const list = extractPromisesFromReply('尊敬的王伟代表：\n\n你提出的建议收悉。我局计划于今年10月底前完成该路段路灯安装。\n\n市城市管理局\n2024年8月1日\n');
    expect(list).toEqual([
      expect.objectContaining({ point: null, due: '2024-10-31', status: 'planned', text: '我局计划于今年10月底前完成该路段路灯安装' }),
    ]);
  });
});

describe('owners', () => {
  const names = learnOrgNames('恒通集团从员工需求出发。恒通公司自筹资金。近年来，高平经济技术开发区始终站在投资者角度。高平市');

  it('由X负责 names the owner', () => {
    expect(pointOwner(null, '园区水、电、暖、气由恒通公司负责。', names)).toBe('恒通集团');
  });

  it('the heading’s subject', () => {
    expect(pointOwner('高平开发区坚持“五个持续推动”', '一是持续推动改革。', names)).toBe('高平经济技术开发区管委会');
  });

  it('开发区 alone is the zone’s 管委会', () => {
    expect(pointOwner(null, '下一步，开发区将加快推进。', names)).toBe('高平经济技术开发区管委会');
  });

  it('a facility that 已建成 is not an owner', () => {
    expect(pointOwner(null, '新建的西关排涝泵站已于2022年3月建成投用。', names)).toBeNull();
  });

  it('我们 and places nearby are not owners', () => {
    expect(pointOwner(null, '目前开发区附近有一所学校处于在建状态。我们将加强沟通。', names)).toBeNull();
  });

  it('a quoted company is not an owner', () => {
    expect(pointOwner(null, '精准策划本地企业“兹氏铸业集团”入区进园。', names)).toBeNull();
  });
});

describe('never crashes', () => {
  it('on odd input', () => {
    const odd: unknown[] = [
      '', ' ', '。。。', '“未闭合的引号，将于年底完成', '将'.repeat(5000), '年底'.repeat(2000), '\u0000\uFFFF', '１２月３１日前完成',
      '一、\n二、\n三、', 'a'.repeat(100000), null, undefined, 42,
    ];
    for (const text of odd) {
      expect(() => extractPromisesFromReply(text as string)).not.toThrow();
      expect(() => extractPromises({ points: [{ ordinal: 1, heading: null, text: text as string }], replyDate: AUG22 })).not.toThrow();
    }
    expect(() => extractPromises(null as never)).not.toThrow();
    expect(() => extractPromises({ points: null as never, replyDate: 'garbage' })).not.toThrow();
  });

  it('on random text built from reply vocabulary', () => {
    const pieces = ['将', '于', '年底', '前', '已', '建成', '8月份', '不少于', '3.5万', '平米', '，', '。', '“', '”', '下一步', '2025年', '亩', '多名', '以来', '截至', '个工作日内', '十二', '（', '）', '、'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let k = 0; k < 40; k++) s += pieces[Math.floor(rand() * pieces.length)];
      const list = extractPromises({ points: [{ ordinal: 1, heading: null, text: s }], replyDate: AUG22 });
      for (const p of list) {
        if (p.status === 'planned' && p.due) expect(p.due >= AUG22).toBe(true);
        expect(p.text.length).toBeGreaterThan(0);
      }
    }
  });
});
