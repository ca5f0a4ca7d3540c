/**
 * The ways each field is written, one short reply or line per case.
 */
import { describe, expect, it } from 'vitest';
import { normalizeClass } from './reply-fields.js';
import { findSession, findSuggestionNumber } from './reply-meeting.js';
import { findDates, findDocNumber } from './reply-patterns.js';
import { addresseesOf, contactIn } from './reply-people.js';
import { parseReply } from './reply-parser.js';

/** A minimal reply around the given header, salutation and closing lines. */
function reply(parts: { head?: string[]; salutation?: string; tail?: string[] }): string {
  return [
    ...(parts.head ?? []),
    '关于市人大七届六次会议第12号建议的答复',
    parts.salutation ?? '尊敬的王华代表：',
    '您提出的“关于加强社区养老服务的建议”收悉，现答复如下：',
    '一、加强设施建设。今年新建社区养老服务站5个。',
    '二、培育服务队伍。举办养老护理培训班3期。',
    '以上答复，如有意见，敬请反馈。',
    ...(parts.tail ?? ['高平市民政局', '2024年8月1日']),
  ].join('\n');
}

describe('document numbers', () => {
  it.each([
    ['高工信发〔2024〕37号', '高工信发〔2024〕37号'],
    ['高工信发[2024]37号', '高工信发〔2024〕37号'],
    ['高工信发（2024）37号', '高工信发〔2024〕37号'],
    ['高工信发(2024)37号', '高工信发〔2024〕37号'],
    ['高工信发【2024】37号', '高工信发〔2024〕37号'],
    ['高工信发［2024］37号', '高工信发〔2024〕37号'],
    ['高工信发 〔2024〕 37 号', '高工信发〔2024〕37号'],
    ['高工信发〔2024〕第37号', '高工信发〔2024〕第37号'],
  ])('%s → %s (brackets normalised to 〔〕, the rest as written)', (line, value) => {
    expect(findDocNumber(line)?.value).toBe(value);
  });

  it('is read from the header only, with 签发人 beside it', () => {
    expect(parseReply(reply({ head: ['高平市民政局文件', '高民函〔2024〕5号　　签发人：李强'] })).docNumber).toBe('高民函〔2024〕5号');
  });

  it('is null when only the body cites one', () => {
    const text = reply({}).replace('今年新建', '根据晋政办发〔2023〕12号文件，今年新建');
    expect(parseReply(text).docNumber).toBeNull();
  });
});

describe('sessions and numbers', () => {
  it.each([
    ['市人大七届六次会议', '七届六次', '人大'],
    ['市十七届人大三次会议', '十七届三次', '人大'],
    ['市七届人大二次会议', '七届二次', '人大'],
    ['高平市第十五届人民代表大会第五次会议', '十五届五次', '人大'],
    ['市政协十一届三次会议', '十一届三次', '政协'],
    ['政协高平市第十一届委员会第三次会议', '十一届三次', '政协'],
    ['中国人民政治协商会议晋城市第十一届委员会第二次会议', '十一届二次', '政协'],
    ['市人大7届6次会议', '七届六次', '人大'],
    ['十五届五次会议', '十五届五次', null],
  ])('%s → %s (%s)', (text, session, congress) => {
    expect(findSession(text)).toEqual({ session, congress });
  });

  it('skips standing-committee meetings, which are not sessions', () => {
    expect(findSession('市七届人大常委会第十次会议')).toBeNull();
  });

  it.each([
    ['第187号建议', 187], ['第0123号建议', 123], ['第3号议案', 3], ['第45号提案', 45], ['第12号代表建议', 12],
    ['建议编号：88', 88], ['提案第9号', 9], ['第十二号建议', 12],
  ])('%s → %i', (text, n) => expect(findSuggestionNumber(text)).toBe(n));

  it('does not read a document number as the suggestion number', () => {
    expect(findSuggestionNumber('高工信发〔2024〕37号')).toBeNull();
  });

  it('takes the congress from a 委员 salutation when nothing else names it', () => {
    const r = parseReply('关于加强古城保护的答复\n王敏委员：\n您的意见收悉。');
    expect(r.congress).toBe('政协');
    expect(r.session).toBeNull();
  });
});

describe('proposers', () => {
  it.each([
    ['尊敬的郜义鹏、李科、杜小林代表：', ['郜义鹏', '李科', '杜小林']],
    ['张三代表：', ['张三']],
    ['尊敬的张三、李四代表：', ['张三', '李四']],
    ['张三等5名代表：', ['张三']],
    ['张三、李四等12位代表：', ['张三', '李四']],
    ['张三等代表：', ['张三']],
    ['王五委员：', ['王五']],
    ['尊敬的王五委员：', ['王五']],
    ['王丽等3位委员：', ['王丽']],
    ['尊敬的李明代表、王芳代表：', ['李明', '王芳']],
    ['尊敬的张　伟、王　芳代表：', ['张伟', '王芳']],
    ['尊敬的阿依古丽·买买提代表：', ['阿依古丽·买买提']],
    ['尊敬的李科（领衔）、杜小林代表：', ['李科', '杜小林']],
    ['各位代表：', []],
    ['民盟高平市委员会：', ['民盟高平市委员会']],
  ])('%s → %j', (line, names) => expect(addresseesOf(line).names).toEqual(names));

  it.each([
    ['某某代表：', []],
    ['尊敬的XXX代表：', []],
    ['尊敬的刘红代表同志：', ['刘红']],
  ])('%s → %j (redacted or honorific forms)', (line, names) => expect(addresseesOf(line).names).toEqual(names));

  it('prefers the labelled list of a results portal to the salutation', () => {
    const text = reply({ head: ['领衔代表：王华　附议代表：李科、杜小林'], salutation: '王华代表：' });
    expect(parseReply(text).proposers).toEqual(['王华', '李科', '杜小林']);
  });

  it('never invents the others of 等N名代表', () => {
    expect(parseReply(reply({ salutation: '郜义鹏等5名代表：' })).proposers).toEqual(['郜义鹏']);
  });
});

describe('subject', () => {
  it('skips a policy document quoted before the suggestion', () => {
    const text = reply({}).replace(
      '您提出的“关于加强社区养老服务的建议”收悉',
      '根据《关于推进基本养老服务体系建设的意见》精神，您提出的“加快社区助餐点建设”的建议收悉',
    );
    expect(parseReply(text).subject).toBe('加快社区助餐点建设');
  });

  it('reads an unquoted subject after 提出的', () => {
    const text = reply({}).replace('您提出的“关于加强社区养老服务的建议”收悉', '您提出的关于加强社区养老服务的建议收悉');
    expect(parseReply(text).subject).toBe('关于加强社区养老服务的建议');
  });

  it('reads a labelled 案由', () => {
    expect(parseReply(reply({ head: ['案由：关于增设城区公交线路的建议'] })).subject).toBe('关于增设城区公交线路的建议');
  });
});

describe('classification marks', () => {
  it.each([
    ['A', 'A'], ['a', 'A'], ['A类', 'A'], ['（A）', 'A'], ['(B)', 'B'], ['【B】', 'B'], ['（C类）', 'C'],
    ['B类（正在解决或列入计划解决）', 'B'], ['所提问题已经解决（A类）', 'A'],
    ['甲类', '甲类'], ['甲', '甲类'], ['（乙）', '乙类'], ['丙类', '丙类'],
    ['正在解决', '正在解决'],
  ])('%s → %s', (raw, value) => expect(normalizeClass(raw)).toBe(value));

  it.each([
    [['A'], 'A'],
    [['（A）'], 'A'],
    [['B类'], 'B'],
    [['【B】'], 'B'],
    [['类别：A'], 'A'],
    [['办理类别：B类'], 'B'],
    [['答复类别：甲类'], '甲类'],
    [['高民函〔2024〕5号　　　　C'], 'C'],
  ])('header %j → %s', (head, value) => expect(parseReply(reply({ head })).replyClass).toBe(value));

  it('reads a mark opening the title line and leaves it out of the title', () => {
    const r = parseReply(reply({}).replace('关于市人大', '【B类】关于市人大'));
    expect(r.replyClass).toBe('B');
    expect(r.title).toBe('关于市人大七届六次会议第12号建议的答复');
  });

  it('reads 办理结果：A', () => {
    expect(parseReply(reply({ head: ['办理结果：A'] })).replyClass).toBe('A');
  });

  it('reads a labelled class in the closing note too', () => {
    expect(parseReply(reply({ tail: ['高平市民政局', '2024年8月1日', '办理结果类别：A'] })).replyClass).toBe('A');
  });

  it('ignores 公开类别 and 主题分类 of a web page', () => {
    expect(parseReply(reply({ head: ['公开类别：主动公开', '主题分类：民政'] })).replyClass).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2024年8月22日', '2024-08-22'],
    ['2024年08月05日', '2024-08-05'],
    ['2024 年 8 月 22 日', '2024-08-22'],
    ['二〇二四年八月二十二日', '2024-08-22'],
    ['二○二四年八月二十二日', '2024-08-22'],
    ['二零二四年十二月三十一日', '2024-12-31'],
    ['二〇二四年十月十日', '2024-10-10'],
    ['2024-08-22', '2024-08-22'],
    ['2024.8.22', '2024-08-22'],
  ])('%s → %s', (s, iso) => expect(findDates(s)[0]?.iso).toBe(iso));

  it('takes the signature date, not the publication date of the page', () => {
    const r = parseReply(reply({ head: ['发布日期：2024-09-10', '发布时间：2024年9月10日'] }));
    expect(r.date).toBe('2024-08-01');
  });

  it('takes a labelled date when there is no signature date', () => {
    expect(parseReply(reply({ tail: ['高平市民政局', '答复日期：2024年8月3日'] })).date).toBe('2024-08-03');
    expect(parseReply(reply({ tail: ['日期：二〇二四年八月四日'] })).date).toBe('2024-08-04');
  });

  it('takes a signature date followed by a disclosure note on the same line', () => {
    expect(parseReply(reply({ tail: ['高平市民政局', '2024年8月6日（此件公开发布）'] })).date).toBe('2024-08-06');
  });

  it('takes 成文日期 from a metadata line that also carries 发布日期', () => {
    const r = parseReply(reply({ head: ['发布日期：2024-09-03　成文日期：2024-08-16'], tail: ['高平市民政局'] }));
    expect(r.date).toBe('2024-08-16');
  });

  it('is null when only a publication date is given', () => {
    expect(parseReply(reply({ head: ['发布日期：2024-09-10'], tail: ['高平市民政局'] })).date).toBeNull();
  });

  it('does not take the 印发 date of the footer', () => {
    const r = parseReply(reply({ tail: ['抄送：市人大常委会人事代表工作委员会。', '高平市民政局办公室　2024年8月5日印发'] }));
    expect(r.date).toBeNull();
  });
});

describe('contact person and phone', () => {
  it.each([
    [['联系人：张三　联系电话：0356-5241566'], '张三', '0356-5241566'],
    [['（联系人：王五，电话：13800001234）'], '王五', '13800001234'],
    [['联 系 人：李四', '联系电话：5241566'], '李四', '5241566'],
    [['联系方式：赵六 13912345678'], '赵六', '13912345678'],
    [['联系方式：0356-5220011'], null, '0356-5220011'],
    [['经办人：钱七　电话：0356－5241567'], '钱七', '0356-5241567'],
    [['承办人及电话：孙八 0356-5241568'], '孙八', '0356-5241568'],
    [['电话：5241566'], null, '5241566'],
    [['联系电话：（0356）5241566'], null, '(0356)5241566'],
    [['联系电话：0356-5241566、13800001234'], null, '0356-5241566'],
    [['联系电话：0356-5241566 转 802'], null, '0356-5241566转802'],
    [['领导签字：'], null, null],
  ])('%j → %s / %s', (lines, person, phone) => expect(contactIn(lines)).toEqual({ person, phone }));

  it('skips a unit word before the name', () => {
    expect(contactIn(['联系人：办公室 张三　电话：5241566'])).toEqual({ person: '张三', phone: '5241566' });
    expect(contactIn(['联系人：李科'])).toEqual({ person: '李科', phone: null });
  });

  it('does not read prose that mentions a telephone', () => {
    expect(contactIn(['我局通过电话回访了13800001234等群众'])).toEqual({ person: null, phone: null });
  });
});

describe('points', () => {
  const body = (lines: string[]) =>
    ['关于第5号建议的答复', '刘洋代表：', '您的建议收悉，现答复如下：', ...lines, '以上答复，敬请反馈。', '某某县教育局', '2024年5月1日'].join('\n');

  it.each([
    ['一、', ['一、加强师资。补充教师20名。', '二、改善条件。新建食堂2个。']],
    ['（一）', ['（一）加强师资。补充教师20名。', '（二）改善条件。新建食堂2个。']],
    ['1.', ['1.加强师资。补充教师20名。', '2.改善条件。新建食堂2个。']],
    ['1、', ['1、加强师资。补充教师20名。', '2、改善条件。新建食堂2个。']],
    ['1）', ['1）加强师资。补充教师20名。', '2）改善条件。新建食堂2个。']],
    ['（1）', ['（1）加强师资。补充教师20名。', '（2）改善条件。新建食堂2个。']],
    ['第一，', ['第一，加强师资。补充教师20名。', '第二，改善条件。新建食堂2个。']],
    ['一是', ['一是加强师资。补充教师20名。', '二是改善条件。新建食堂2个。']],
    ['①', ['①加强师资。补充教师20名。', '②改善条件。新建食堂2个。']],
  ])('numbered %s', (_, lines) => {
    expect(parseReply(body(lines)).points).toEqual([
      { ordinal: 1, heading: '加强师资', text: '补充教师20名。' },
      { ordinal: 2, heading: '改善条件', text: '新建食堂2个。' },
    ]);
  });

  it('splits a heading at a colon', () => {
    const r = parseReply(body(['一、关于师资问题：今年补充教师20名。', '二、关于食堂问题：新建食堂2个。']));
    expect(r.points.map((p) => p.heading)).toEqual(['关于师资问题', '关于食堂问题']);
    expect(r.points[0].text).toBe('今年补充教师20名。');
  });

  it('does not split a heading inside quotation marks', () => {
    const r = parseReply(body(['一、落实“双减：提质”要求。开展课后服务。', '二、改善条件。新建食堂2个。']));
    expect(r.points[0].heading).toBe('落实“双减：提质”要求');
  });

  it('keeps body paragraphs that merely start with 联系人 or 最后', () => {
    const r = parseReply(body(['一、加强师资。补充教师20名。', '二、完善制度。建立联系制度。', '联系人制度已覆盖全部学校。', '最后，我们将开展督导检查。']));
    expect(r.points[1].text).toBe('建立联系制度。\n联系人制度已覆盖全部学校。\n最后，我们将开展督导检查。');
  });

  it('tolerates one number lost in scanning', () => {
    const r = parseReply(body(['一、加强师资。补充教师20名。', '三、改善条件。新建食堂2个。', '四、加强管理。修订制度3项。']));
    expect(r.points.map((p) => p.ordinal)).toEqual([1, 3, 4]);
  });

  it('does not take 一、二线城市 or 1.5万 as numbering', () => {
    const r = parseReply(body(['一、二线城市的经验值得借鉴。', '1.5万名学生受益。']));
    expect(r.points).toEqual([]);
  });

  it('keeps a heading that is a Markdown heading even without a body', () => {
    const r = parseReply(body(['## 一、基本情况', '## 二、下一步工作', '继续跟踪落实。']));
    expect(r.points).toEqual([
      { ordinal: 1, heading: '基本情况', text: '' },
      { ordinal: 2, heading: '下一步工作', text: '继续跟踪落实。' },
    ]);
  });
});
