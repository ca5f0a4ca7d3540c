import { describe, expect, it } from 'vitest';
import { findQuantities, parseChineseNumber, pickTarget } from './quantities.js';

function first(text: string) {
  const [q] = findQuantities(text);
  return q ? { value: q.value, unit: q.unit, comparator: q.comparator } : null;
}

describe('quantities with units and comparators', () => {
  const cases: [name: string, text: string, value: number, unit: string, comparator: string][] = [
    ['不少于 with 万 and 平米', '绿化覆盖面积全年不少于3.5万平米', 35000, 'm²', '>='],
    ['万平方米', '今年计划建设的8万平方米标准化厂房', 80000, 'm²', '='],
    ['亩', '加速推进163亩工业用地的出让前准备工作', 163, '亩', '='],
    ['多名 is at least', '满足周边1800多名学生的入学需求', 1800, '人', '>='],
    ['余人 is at least', '能同时容纳400余人用餐', 400, '人', '>='],
    ['万元 in yuan', '专项费用增加到300万元', 3000000, '元', '='],
    ['亿元 with a decimal', '项目总投资1.2亿元', 120000000, '元', '='],
    ['公里', '新建道路全长50公里', 50, '公里', '='],
    ['个', '年内新增停车位2000个', 2000, '个', '='],
    ['Chinese numeral with 轨', '建设标准为初中十二轨制', 12, '轨', '='],
    ['三千 in Chinese numerals', '完成三千名职工技能培训', 3000, '人', '='],
    ['两万 in Chinese numerals', '建成两万平方米标准化厂房', 20000, 'm²', '='],
    ['超过 is at least', '招商引资到位资金超过5亿元', 500000000, '元', '>='],
    ['以上 after the unit', '新增就业岗位300个以上', 300, '个', '>='],
    ['不超过 is at most', '每班学生不超过45人', 45, '人', '<='],
    ['以内 is at most', '办理时限压缩在3个以内', 3, '个', '<='],
    ['以下 is at most', '噪声控制在55分贝以下的区域占比达到90%', 90, '%', '='],
    ['控制在 is at most', '平均班额控制在45名', 45, '人', '<='],
    ['高于 is strictly more', '亩均税收高于15万元', 150000, '元', '>'],
    ['per cent', '覆盖率达到95%以上', 95, '%', '>='],
    ['万余 after the multiplier', '累计完成造林3万余亩', 30000, '亩', '>='],
    ['多万 before the unit', '拉动投资3000多万元', 30000000, '元', '>='],
    ['full-width digits', '新建候车亭６座', 6, '座', '='],
    ['thousands separator', '共检查经营户1,260户', 1260, '户', '='],
    ['千瓦 is a unit, not 千 × 瓦', '新增装机容量500千瓦', 500, '千瓦', '='],
    ['平方公里', '规划面积12.5平方公里', 12.5, 'km²', '='],
    ['公顷', '复垦土地20公顷', 20, '公顷', '='],
    ['批次 and 项', '承接的3批次74项赋权事项', 3, '批次', '='],
    ['working days as a limit', '审批时限压缩至5个工作日以内', 5, '工作日', '<='],
    ['内 after the unit is at most', '服务半径控制在2公里内', 2, '公里', '<='],
  ];
  for (const [name, text, value, unit, comparator] of cases) {
    it(name, () => expect(first(text)).toEqual({ value, unit, comparator }));
  }
});

describe('numbers that are not quantities', () => {
  it.each([
    ['years and dates', '2024年8月22日'],
    ['phone numbers', '联系电话：5241566'],
    ['ordinals', '高平市第十中学校项目，第187号建议'],
    ['deadlines', '10个工作日内办结，3个月内整改，30天内清运'],
    ['idioms with numerals', '千家万户，百姓安居，一体研究，一站式服务'],
    ['school names', '紧邻高平一中'],
    ['clock times', '早上六点半至晚上八点'],
  ])('%s', (_name, text) => {
    expect(findQuantities(text)).toEqual([]);
  });
});

describe('several quantities', () => {
  it('finds each one in order', () => {
    const qs = findQuantities('已建成1500平方米、能同时容纳400余人用餐的职工餐厅');
    expect(qs.map((q) => [q.value, q.unit, q.comparator])).toEqual([
      [1500, 'm²', '='],
      [400, '人', '>='],
    ]);
  });

  it('the starting figure of a change is not the target', () => {
    const qs = findQuantities('监测点由42个增加到68个');
    expect(qs.map((q) => q.baseline)).toEqual([true, false]);
    expect(pickTarget(qs)?.value).toBe(68);
  });

  it('the target is the one bounded by words, else the first', () => {
    expect(pickTarget(findQuantities('已建成1500平方米、能同时容纳400余人用餐'))?.value).toBe(1500);
    expect(pickTarget(findQuantities('新建厂房2万平方米，全年招商不少于10家'))?.value).toBe(10);
    expect(pickTarget([])).toBeNull();
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['三千', 3000],
    ['两万', 20000],
    ['一千八百', 1800],
    ['一千八', 1800],
    ['十二', 12],
    ['一百五十', 150],
    ['三点五万', 35000],
    ['一亿二千万', 120000000],
    ['十万', 100000],
  ])('%s → %d', (raw, n) => {
    expect(parseChineseNumber(raw)).toBe(n);
  });

  it('is null for words', () => {
    expect(parseChineseNumber('建设')).toBeNull();
    expect(parseChineseNumber('')).toBeNull();
  });
});

describe('never crashes', () => {
  it('odd input', () => {
    for (const s of ['', '万', '亿元', '点', '1.', '.5万元', '9'.repeat(400) + '亿元', '百分之', '百分之九十五', '１２３４５６７８９０']) {
      expect(() => findQuantities(s)).not.toThrow();
    }
  });
});
