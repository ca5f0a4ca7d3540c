/** The import template: the columns the import reads, one example row (No. 187) and what each column takes. */
import { addTable, newWorkbook, workbookBuffer } from '../tools.xlsx.js';

const EXAMPLE = {
  number: 187,
  title: '关于提升开发区公共配套服务，优化营商环境的建议',
  lead: '郜义鹏',
  co: '李科、杜小林、韩志峰、万建勤',
  category: '营商环境',
  kind: '建议',
  body: '我市开发区公共配套设施建设起点不高，欠账较多。随着2024年开发区入驻企业的投产达效，产业人口的大量集聚，这一问题日益凸显……',
};

export async function importTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  addTable(wb, '建议', [
    { header: '编号', width: 8, value: (r: typeof EXAMPLE) => r.number },
    { header: '标题', width: 40, value: (r) => r.title },
    { header: '领衔代表', width: 10, value: (r) => r.lead },
    { header: '附议代表', width: 30, value: (r) => r.co },
    { header: '类别', width: 10, value: (r) => r.category },
    { header: '类型', width: 8, value: (r) => r.kind },
    { header: '内容', width: 80, format: 'text', value: (r) => r.body },
  ], [EXAMPLE]);
  addTable(wb, '填写说明', [
    { header: '列', width: 12, value: (r: [string, string]) => r[0] },
    { header: '说明', width: 90, value: (r) => r[1] },
  ], [
    ['编号', '可选。本届次内不重复的正整数，可写 187 或 第187号；不填则在立案时编号'],
    ['标题', '必填，5 至 100 个字'],
    ['领衔代表', '必填，一人；按姓名在本届次所属（人大或政协）的代表名单中查找'],
    ['附议代表', '可选，多人用顿号、逗号或空格分隔，最多 50 人'],
    ['类别', '可选，不超过 20 个字；不填按“其他”'],
    ['类型', '可选：建议、议案转建议、提案；不填时人大为“建议”，政协为“提案”'],
    ['内容', '必填，10 至 20000 个字'],
    ['其他', '表头可在前 20 行内任意位置，列的顺序不限，多出的列不导入。任何一行有误则整份文件不导入，请按检查报告修改后重新导入'],
  ]);
  return workbookBuffer(wb);
}
