/**
 * One test per reply variant in fixtures/replies/: every field is compared, points by ordinal and heading,
 * plus a phrase each point's text must (or must not) contain.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReply, type ParsedReply } from './reply-parser.js';

type Fields = Omit<ParsedReply, 'points' | 'confidence'>;

interface Variant {
  file: string;
  what: string;
  fields: Partial<Fields>;
  /** [ordinal, heading] of every point, in order. */
  points: Array<[number, string | null]>;
  textHas?: Array<[number, string]>;
  textLacks?: Array<[number, string]>;
}

const NONE: Fields = {
  docNumber: null, issuingOrgan: null, title: null, congress: null, session: null, suggestionNumber: null,
  proposers: [], subject: null, replyClass: null, date: null, contactPerson: null, contactPhone: null,
};

const VARIANTS: Variant[] = [
  {
    file: '01-full-session-square-brackets.txt',
    what: 'red header, [] brackets normalised, session in full, 一、 points with a heading sentence',
    fields: {
      docNumber: '阳交字〔2023〕12号', issuingOrgan: '阳城县交通运输局',
      title: '关于县第十七届人民代表大会第三次会议第56号建议的答复', congress: '人大', session: '十七届三次',
      suggestionNumber: 56, proposers: ['王建国'], subject: '关于改善县城至东冶镇客运班线运行条件的建议',
      date: '2023-06-15', contactPerson: '李晓峰', contactPhone: '0356-4221837',
    },
    points: [[1, '关于增加早晚班次'], [2, '关于更新老旧车辆'], [3, '关于改善沿线候车条件']],
    textHas: [[1, '早6:30、晚18:40两个班次'], [3, '预计10月底前完工。']],
    textLacks: [[3, '以上答复']],
  },
  {
    file: '02-cn-date-class-paren-points.txt',
    what: 'B类 mark, （） brackets, zero-padded number, （一） points with 1. inside, 二〇二四 date, spaced 联 系 人',
    fields: {
      docNumber: '泽教函〔2024〕8号', issuingOrgan: '泽州县教育局',
      title: '泽州县教育局关于县十八届人大四次会议第0123号建议的答复', congress: '人大', session: '十八届四次',
      suggestionNumber: 123, proposers: ['赵红梅', '孙立军'], subject: '关于解决城区学校大班额问题的建议',
      replyClass: 'B', date: '2024-07-16', contactPerson: '周敏', contactPhone: '0356-3668021',
    },
    points: [[1, '城区学位供给情况'], [2, '已采取的措施'], [3, '下一步工作']],
    textHas: [[2, '1.新建学校。'], [2, '\n2.挖潜扩容。']],
  },
  {
    file: '03-cppcc-proposal-jia-class.txt',
    what: '政协 proposal, 《》 subject, 答复类别：甲类, 1. points, 二○二四 date, 经办人',
    fields: {
      docNumber: '沁民提复〔2024〕6号', issuingOrgan: '沁水县民政局', title: '关于市政协十一届三次会议第45号提案的答复',
      congress: '政协', session: '十一届三次', suggestionNumber: 45, proposers: ['刘海波'],
      subject: '关于加快发展社区养老服务的提案', replyClass: '甲类', date: '2024-05-20', contactPerson: '陈静',
      contactPhone: '13935612345',
    },
    points: [[1, '完善设施布局'], [2, '培育服务主体'], [3, '加强人才培训']],
    textLacks: [[3, '感谢您']],
  },
  {
    file: '04-motion-turned-suggestion.txt',
    what: '议案转建议, X等12名代表, 办理类别：A类, 承办人及电话',
    fields: {
      issuingOrgan: '高平市水务局', title: '关于市十六届人大二次会议第3号议案（转为建议办理）的答复', congress: '人大',
      session: '十六届二次', suggestionNumber: 3, proposers: ['张卫东'], subject: '关于加强城区内涝治理的议案',
      replyClass: 'A', date: '2022-04-08', contactPerson: '郭亮', contactPhone: '0356-2198765',
    },
    points: [[1, '关于排水管网改造'], [2, '关于泵站建设']],
    textLacks: [[2, '此复']],
  },
  {
    file: '05-web-page-furniture.txt',
    what: 'breadcrumbs, 发布时间/来源/浏览次数, 字号/打印/关闭, 附件 link, 分享到, site footer with its own phone',
    fields: {
      issuingOrgan: '高平市住房和城乡建设局', title: '关于市人大七届五次会议第92号建议的答复', congress: '人大',
      session: '七届五次', suggestionNumber: 92, proposers: ['冯志刚'], subject: '关于加快老旧小区改造的建议',
      date: '2023-08-30', contactPerson: '程丽', contactPhone: '0356-5238811',
    },
    points: [[1, '改造范围'], [2, '改造内容'], [3, '资金保障']],
    textLacks: [[3, '附件'], [3, '网站标识码']],
  },
  {
    file: '06-web-page-no-signature-date.txt',
    what: 'a page with only a 发布日期: the publication date is not the reply date',
    fields: {
      title: '关于市人大七届六次会议第203号建议的答复', congress: '人大', session: '七届六次', suggestionNumber: 203,
      proposers: ['秦玉兰'], subject: '关于扶持设施农业发展的建议', issuingOrgan: '市农业农村局',
    },
    points: [[1, '政策扶持方面'], [2, '技术服务方面']],
    textLacks: [[2, '打印']],
  },
  {
    file: '07-markdown-bold-leads-crlf.md',
    what: 'Markdown #, **, >, blank lines, full-width spaces, CRLF; bold leads are headings; 第 38 号 spaced',
    fields: {
      docNumber: '陵文旅函〔2024〕21号', issuingOrgan: '陵川县文化和旅游局',
      title: '关于县十七届人大四次会议第38号建议的答复', congress: '人大', session: '十七届四次', suggestionNumber: 38,
      proposers: ['郭小平'], subject: '关于打造太行山旅游公路精品线路的建议', date: '2024-06-28',
      contactPerson: '牛晓燕', contactPhone: '0356-6212345',
    },
    points: [[1, '完善旅游公路配套设施'], [2, '丰富沿线旅游业态'], [3, '加强宣传推介']],
    textHas: [[1, '今年我局在锡崖沟至王莽岭段'], [3, '“最美旅游公路”名单。']],
    textLacks: [[1, '**'], [3, '以上答复']],
  },
  {
    file: '08-arabic-points-headingless.txt',
    what: '1、 points whose first sentence is long prose: heading null; date right under the organ; 联系电话 only',
    fields: {
      issuingOrgan: '高平市市场监督管理局', title: '关于市人大七届六次会议第64号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 64, proposers: ['李秀英'], subject: '关于规范农村集贸市场管理的建议',
      date: '2024-07-03', contactPhone: '5225010',
    },
    points: [[1, null], [2, null], [3, null]],
    textHas: [[1, '我局于今年4月组织执法人员'], [3, '做到问题不解决不销号。']],
  },
  {
    file: '09-paren-arabic-points.txt',
    what: '（1） points, no contact, 感谢 closing',
    fields: {
      issuingOrgan: '晋城市教育局', title: '关于市十五届人大三次会议第17号建议的答复', congress: '人大',
      session: '十五届三次', suggestionNumber: 17, proposers: ['马国庆'], subject: '关于加强中小学生近视防控的建议',
      date: '2021-06-30',
    },
    points: [[1, '开展视力筛查'], [2, '落实课间户外活动'], [3, '改善教室照明']],
    textLacks: [[3, '感谢']],
  },
  {
    file: '10-di-ordinal-points.txt',
    what: '第一，第二，第三， points; 关于对…的答复 title',
    fields: {
      issuingOrgan: '某某市城区住房保障和房产管理局', title: '关于对区十二届人大五次会议第41号建议的答复',
      congress: '人大', session: '十二届五次', suggestionNumber: 41, proposers: ['韩冬梅'],
      subject: '关于加强小区物业管理的建议', date: '2023-05-18',
    },
    points: [[1, '健全物业管理机制'], [2, '加强物业服务监管'], [3, '推进老旧小区物业全覆盖']],
  },
  {
    file: '11-yishi-points.txt',
    what: '一是/二是/三是 opening paragraphs are the top level when nothing ranks higher; 县人大十七届三次',
    fields: {
      issuingOrgan: '沁水县水利局', title: '关于县人大十七届三次会议第9号建议的答复', congress: '人大',
      session: '十七届三次', suggestionNumber: 9, proposers: ['杨志勇'], subject: '关于加强农村饮用水水质监测的建议',
      date: '2024-05-10', contactPerson: '杜鹏', contactPhone: '0356-7023188',
    },
    points: [[1, '扩大监测覆盖面'], [2, '提高监测频次'], [3, '加强信息公开']],
  },
  {
    file: '12-unnumbered.txt',
    what: 'nothing numbered: points are []',
    fields: {
      issuingOrgan: '高平市城市管理局', title: '关于市人大七届六次会议第112号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 112, proposers: ['吴晓东'], subject: '关于在城区增设公共厕所的建议',
      date: '2024-07-22', contactPhone: '0356-5212312',
    },
    points: [],
  },
  {
    file: '13-nested-numbering.txt',
    what: '一、 with （一） and 1. nested inside: only 一、 items are points; 市七届人大二次',
    fields: {
      docNumber: '晋市自然资函〔2023〕77号', issuingOrgan: '晋城市自然资源局',
      title: '关于市七届人大二次会议第150号建议的答复', congress: '人大', session: '七届二次', suggestionNumber: 150,
      proposers: ['白雪峰', '邢丽娜', '任志强'], subject: '关于加快解决开发区企业不动产登记遗留问题的建议',
      date: '2023-07-19',
    },
    points: [[1, '基本情况'], [2, '已开展的工作'], [3, '下一步工作']],
    textHas: [[2, '（一）建立工作专班。'], [2, '\n（三）优化服务。']],
  },
  {
    file: '14-cppcc-full-session-group.txt',
    what: '政协…第十届委员会第二次会议 in full, addressed to a party committee',
    fields: {
      issuingOrgan: '阳城县工业和信息化局', title: '关于政协阳城县第十届委员会第二次会议第17号提案的答复',
      congress: '政协', session: '十届二次', suggestionNumber: 17, proposers: ['民盟阳城县委员会'],
      subject: '关于促进县域民营经济高质量发展的提案', date: '2024-06-05', contactPerson: '侯建平',
      contactPhone: '0356-4889102',
    },
    points: [[1, '优化营商环境'], [2, '强化要素保障'], [3, '构建亲清政商关系']],
  },
  {
    file: '15-arabic-session-inline-salutation.txt',
    what: 'Arabic 7届6次, salutation and intro on one line',
    fields: {
      issuingOrgan: '高平市住房和城乡建设局', title: '关于市人大7届6次会议第12号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 12, proposers: ['孙涛'], subject: '关于加快城区停车场建设的建议',
      date: '2024-08-09',
    },
    points: [[1, '规划布局'], [2, '项目建设'], [3, '智慧管理']],
    textHas: [[1, '《城区停车设施专项规划（2024—2030年）》']],
  },
  {
    file: '16-dui-title-paren-class.txt',
    what: '对市十七届人大三次会议第0123号建议的答复, （A） mark, one-sentence points (heading null)',
    fields: {
      docNumber: '长交复〔2024〕3号', issuingOrgan: '长治市交通运输局',
      title: '对市十七届人大三次会议第0123号建议的答复', congress: '人大', session: '十七届三次', suggestionNumber: 123,
      proposers: ['郝建军'], subject: '关于实施城乡公交一体化改造的建议', replyClass: 'A', date: '2024-04-25',
    },
    points: [[1, null], [2, null]],
    textHas: [[1, '已开通城区至乡镇公交线路23条，实现乡镇公交通达率100%。']],
  },
  {
    file: '17-subject-in-title.txt',
    what: '关于XX的建议的答复 title, no session or number, 联系方式：name phone',
    fields: {
      issuingOrgan: '陵川县水利局', title: '关于加强农村饮水安全保障的建议的答复', congress: '人大',
      proposers: ['田志红'], subject: '关于加强农村饮水安全保障的建议', date: '2024-05-31', contactPerson: '刘强',
      contactPhone: '13834567890',
    },
    points: [[1, '巩固提升农村供水工程'], [2, '加强水源保护']],
  },
  {
    file: '18-multiple-phones.txt',
    what: 'two phones on the contact line: the first one',
    fields: {
      issuingOrgan: '高平市卫生健康和体育局', title: '关于市人大七届六次会议第88号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 88, proposers: ['段晓华'], subject: '关于增加社区卫生服务站的建议',
      date: '2024-07-12', contactPerson: '宋雅琴', contactPhone: '0356-5261188',
    },
    points: [[1, '合理布局社区卫生服务站'], [2, '加强人员配备']],
  },
  {
    file: '19-scanned-page-breaks.txt',
    what: 'title broken over two lines, sentences broken by page numbers (— 2 —, 第 3 页)',
    fields: {
      docNumber: '阳自然资发〔2024〕19号', issuingOrgan: '阳城县自然资源局',
      title: '关于县十七届人大四次会议第72号建议的答复', congress: '人大', session: '十七届四次', suggestionNumber: 72,
      proposers: ['靳红霞'], subject: '关于规范农村宅基地审批管理的建议', date: '2024-06-20',
    },
    points: [[1, '关于审批流程'], [2, '关于历史遗留问题']],
    textHas: [[1, '审批时限压缩至20个工作日以内'], [2, '共登记问题宗地412宗。']],
    textLacks: [[1, '—'], [2, '页']],
  },
  {
    file: '20-letter-header-signer-bracket-class.txt',
    what: '【B】 mark, organ name as letter header, 【】 brackets and 签发人 on the number line, date without organ',
    fields: {
      docNumber: '高自然资函〔2024〕15号', issuingOrgan: '高平市自然资源局',
      title: '关于市人大七届六次会议第176号建议的答复', congress: '人大', session: '七届六次', suggestionNumber: 176,
      proposers: ['姚丽萍'], subject: '关于盘活开发区闲置土地的建议', replyClass: 'B', date: '2024-07-30',
    },
    points: [[1, '开展闲置土地专项清查'], [2, '分类处置']],
    textLacks: [[2, '此件公开发布']],
  },
  {
    file: '21-labelled-date-only.txt',
    what: '答复日期： and 答复单位： labels; 发布日期 ignored',
    fields: {
      issuingOrgan: '晋城市城市管理局', title: '关于市政协十一届三次会议第21号提案的答复', congress: '政协',
      session: '十一届三次', suggestionNumber: 21, proposers: ['郑晓军'], subject: '关于加快城区天然气管网改造的提案',
      date: '2024-03-05',
    },
    points: [[1, null], [2, null]],
  },
  {
    file: '22-padded-names.txt',
    what: 'two-character names padded with full-width spaces (张　伟)',
    fields: {
      issuingOrgan: '高平市水务局', title: '关于市人大七届六次会议第131号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 131, proposers: ['张伟', '李晓红', '王芳'],
      subject: '关于加强城区河道综合治理的建议', date: '2024-07-08', contactPerson: '赵海龙', contactPhone: '5226633',
    },
    points: [[1, '开展河道清淤'], [2, '实施生态修复']],
  },
  {
    file: '23-two-deputies-each-titled.txt',
    what: '尊敬的李明代表、王芳代表：',
    fields: {
      issuingOrgan: '某区住房和城乡建设局', title: '关于区十三届人大二次会议第27号建议的答复', congress: '人大',
      session: '十三届二次', suggestionNumber: 27, proposers: ['李明', '王芳'], subject: '关于在新建小区配建幼儿园的建议',
      date: '2023-06-12', contactPerson: '薛琳', contactPhone: '0351-7712345',
    },
    points: [[1, '严格落实配建要求'], [2, '加强移交管理']],
  },
  {
    file: '24-cppcc-members-count-full.txt',
    what: '中国人民政治协商会议…第十一届委员会第二次会议, 王丽等3位委员, 联系人：…；电话：',
    fields: {
      issuingOrgan: '晋城市体育局',
      title: '关于中国人民政治协商会议晋城市第十一届委员会第二次会议第108号提案的答复', congress: '政协',
      session: '十一届二次', suggestionNumber: 108, proposers: ['王丽'], subject: '关于推进全民健身设施建设的提案',
      date: '2023-07-21', contactPerson: '贾晓斌', contactPhone: '0356-2022816',
    },
    points: [[1, '加快健身设施建设'], [2, '推动学校体育场馆开放'], [3, '丰富全民健身活动']],
    textLacks: [[3, '再次感谢']],
  },
  {
    file: '25-joint-signature-cn-zero-date.txt',
    what: 'two signing organs, 二零二四年 date',
    fields: {
      issuingOrgan: '高平市住房和城乡建设局、高平市自然资源局', title: '关于市人大七届六次会议第45号建议的答复',
      congress: '人大', session: '七届六次', suggestionNumber: 45, proposers: ['常志刚'],
      subject: '关于规范开发区建设用地审批的建议', date: '2024-08-12',
    },
    points: [[1, '简化审批环节'], [2, '推行区域评估']],
  },
  {
    file: '26-organ-date-same-line-class-c.txt',
    what: '类别：C, organ and date on one line',
    fields: {
      issuingOrgan: '高平市发展和改革局', title: '关于市人大七届六次会议第199号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 199, proposers: ['史建华'], subject: '关于建设开发区职工公寓的建议',
      replyClass: 'C', date: '2024-07-26',
    },
    points: [[1, '关于建设条件'], [2, '关于下一步打算']],
  },
  {
    file: '27-paren-cn-top-level.txt',
    what: '（一） is the top level when there is no 一、; 1. inside stays text',
    fields: {
      issuingOrgan: '高平市商务局', title: '关于市人大七届六次会议第59号建议的答复', congress: '人大', session: '七届六次',
      suggestionNumber: 59, proposers: ['闫瑞芳'], subject: '关于提升农村寄递物流服务水平的建议', date: '2024-08-01',
    },
    points: [[1, '完善县乡村三级物流体系'], [2, '推进快递进村'], [3, '降低物流成本']],
    textHas: [[1, '1.建设县级物流分拨中心1个']],
  },
  {
    file: '28-fullwidth-digits-tabs-crlf.txt',
    what: 'full-width digits and hyphen, tabs after the numbers, CRLF',
    fields: {
      issuingOrgan: '高平市水务局', title: '关于市人大七届六次会议第7号建议的答复', congress: '人大', session: '七届六次',
      suggestionNumber: 7, proposers: ['任晓光'], subject: '关于加快建设城区第二水源的建议', date: '2024-06-17',
      contactPhone: '0356-5226633',
    },
    points: [[1, '水源论证'], [2, '工程建设']],
    textHas: [[2, '今年10月开工']],
  },
  {
    file: '29-web-metadata-table.md',
    what: 'Markdown page: linked breadcrumbs, metadata table (文号, 成文日期, 发布日期), 1\\. escapes, organ in title',
    fields: {
      docNumber: '高教函〔2024〕9号', issuingOrgan: '高平市教育局',
      title: '高平市教育局关于市人大七届六次会议第33号建议的答复', congress: '人大', session: '七届六次',
      suggestionNumber: 33, proposers: ['牛慧敏'], subject: '关于加强乡村学校音体美教师配备的建议', date: '2024-08-16',
    },
    points: [[1, '补充教师数量'], [2, '开展走教支教']],
    textLacks: [[2, '附件']],
  },
  {
    file: '30-cppcc-interim-no-session.txt',
    what: 'proposal made between sessions: no session, no number; subject quoted in the title',
    fields: {
      issuingOrgan: '高平市住房和城乡建设局', title: '关于《关于加强传统村落保护利用的提案》的答复', congress: '政协',
      proposers: ['常海燕'], subject: '关于加强传统村落保护利用的提案', date: '2024-05-06',
    },
    points: [[1, '开展传统村落普查'], [2, '编制保护规划']],
  },
  {
    file: '31-body-cites-docnumber-closing-summary.txt',
    what: 'a number cited in the body is not the reply’s; 感谢 in the intro; 领导签字 and 此件主动公开',
    fields: {
      issuingOrgan: '高平市残疾人联合会', title: '关于市人大七届六次会议第140号建议的答复', congress: '人大',
      session: '七届六次', suggestionNumber: 140, proposers: ['侯文斌'], subject: '关于完善残疾人就业扶持政策的建议',
      date: '2024-08-19',
    },
    points: [[1, '落实按比例安排就业政策'], [2, '扶持残疾人自主创业']],
    textHas: [[1, '（高政办发〔2023〕41号）'], [2, '关于您在建议中提到的设立残疾人就业服务窗口问题']],
    textLacks: [[2, '再次感谢'], [2, '领导签字']],
  },
  {
    file: '32-no-salutation-intro-names.txt',
    what: 'no salutation: proposers from 李建新等6名代表提出的 in the intro; 办理情况的答复; 特此答复',
    fields: {
      issuingOrgan: '泽州县工业和信息化局', title: '关于县十八届人大四次会议第66号建议办理情况的答复', congress: '人大',
      session: '十八届四次', suggestionNumber: 66, proposers: ['李建新'], subject: '关于支持铸造企业技术改造的建议',
      date: '2024-08-26', contactPerson: '苏杰', contactPhone: '0356-3661952',
    },
    points: [[1, '争取技改资金'], [2, '推动绿色转型']],
  },
  {
    file: '33-portal-suggestion-then-answer.txt',
    what: 'results portal: the suggestion (with its own 一、二、三、) before 答复内容：; 领衔代表/附议代表 labels',
    fields: {
      issuingOrgan: '晋城市城市管理局', congress: '人大', suggestionNumber: 45,
      proposers: ['高建明', '李红梅', '赵志远', '孙丽'], subject: '关于加快推进城区集中供热管网改造的建议',
      date: '2023-10-09',
    },
    points: [[1, '管网改造方面'], [2, '投诉处理方面']],
    textLacks: [[1, '跑冒滴漏']],
  },
];

describe('parseReply on reply variants', () => {
  it.each(VARIANTS.map((v) => [`${v.file} — ${v.what}`, v] as const))('%s', (_, v) => {
    const text = readFileSync(new URL(`./fixtures/replies/${v.file}`, import.meta.url), 'utf8');
    const { points, confidence: _confidence, ...fields } = parseReply(text);
    expect(fields).toEqual({ ...NONE, ...v.fields });
    expect(points.map((p) => [p.ordinal, p.heading])).toEqual(v.points);
    for (const p of points) expect(p.text).not.toMatch(/^\s|\s$/);
    for (const [ordinal, phrase] of v.textHas ?? []) expect(points[ordinal - 1].text).toContain(phrase);
    for (const [ordinal, phrase] of v.textLacks ?? []) expect(points[ordinal - 1].text).not.toContain(phrase);
  });
});
