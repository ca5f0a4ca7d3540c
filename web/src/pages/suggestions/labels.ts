/**
 * Option lists for the forms. They mirror constants of the server's schemas; the types below fail to compile
 * if the two ever differ, without bundling the server's zod schemas into the browser.
 */
import type * as S from '../../../../server/modules/suggestions/suggestions.schemas';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

export const SUGGESTION_CATEGORIES = ['经济发展', '城乡建设', '交通运输', '教育科技', '医疗卫生', '社会保障', '生态环境', '营商环境', '农业农村', '社会治理', '其他'] as const;
export const SUGGESTION_KINDS = ['建议', '议案转建议', '提案'] as const;
export const SUPERVISION_KINDS = ['meeting', 'inspection', 'reminder', 'escalation', 'other'] as const;
export const SUPERVISION_KIND_LABELS: typeof S.SUPERVISION_KIND_LABELS = {
  meeting: '督办会议', inspection: '实地督查', reminder: '催办', escalation: '提级督办', other: '其他',
};

export const labelsMatchServer: [
  Same<(typeof SUGGESTION_CATEGORIES)[number], (typeof S.SUGGESTION_CATEGORIES)[number]>,
  Same<(typeof SUGGESTION_KINDS)[number], (typeof S.SUGGESTION_KINDS)[number]>,
  Same<(typeof SUPERVISION_KINDS)[number], (typeof S.SUPERVISION_KINDS)[number]>,
] = [true, true, true];
