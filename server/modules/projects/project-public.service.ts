/**
 * What the public portal may read about key projects: progress per building with photos, milestones, the
 * light and its reasons, plan against actual. Never: coordination issues, internal notes, reports kept
 * internal or voided, the people who entered them.
 */
import { notFound } from '../../platform/errors.js';
import type { ProjectAccess } from './project-access.js';
import { componentViews, monthlyView, photoView, summarize } from './projects.present.js';

export class PublicProjectsService {
  constructor(private readonly access: ProjectAccess) {}

  private get repo() {
    return this.access.repo;
  }

  private publicLight(l: ReturnType<typeof summarize>['light']) {
    return { light: l.light, reasons: l.reasons.map((r) => ({ level: r.level, text: r.text })), expected: l.expected, gap: l.gap };
  }

  async list() {
    const rows = await this.repo.listProjects({ publicOnly: true });
    const { rules } = await this.access.globalRules();
    const today = this.access.today();
    return (await this.access.bundles(rows)).map((b) => {
      const s = summarize(b, today, rules);
      return {
        id: s.id, name: s.name, ownerOrgName: s.ownerOrgName, location: s.location, level: s.level, category: s.category,
        status: s.status, statusLabel: s.statusLabel, plannedInvestmentWan: s.plannedInvestmentWan, plannedStart: s.plannedStart, plannedFinish: s.plannedFinish,
        progress: s.progress, light: this.publicLight(s.light), nextMilestone: s.nextMilestone, componentCount: s.componentCount, lastReportOn: s.lastReportOn,
      };
    });
  }

  async detail(id: string) {
    const p = await this.repo.getProject(id);
    if (!p || p.is_public !== 1) notFound('项目不存在或未公开');
    const [b] = await this.access.bundles([p!]);
    const { rules } = await this.access.globalRules();
    const today = this.access.today();
    const s = summarize(b, today, rules);
    const published = b.updates.filter((u) => u.is_public === 1);
    const photos = await this.repo.photos(published.map((u) => u.id));
    const comps = componentViews(s.comps, b.updates);
    const compName = new Map(comps.map((c) => [c.id, c.name]));
    const stageName = new Map(comps.flatMap((c) => c.stages.map((st) => [`${c.id}/${st.key}`, st.name] as const)));
    return {
      id: s.id, name: s.name, ownerOrgName: s.ownerOrgName, location: s.location, level: s.level, category: s.category,
      status: s.status, statusLabel: s.statusLabel, description: p!.description, plannedInvestmentWan: s.plannedInvestmentWan,
      plannedStart: s.plannedStart, plannedFinish: s.plannedFinish, startedOn: s.startedOn, progress: s.progress, weightingExplanation: s.weightingExplanation,
      light: this.publicLight(s.light), nextMilestone: s.nextMilestone, lastReportOn: s.lastReportOn,
      components: comps.map((c) => ({
        id: c.id, name: c.name, floorAreaM2: c.floorAreaM2, percent: c.percent, currentStage: c.currentStage, lastReportOn: c.lastReportOn,
        stages: c.stages.map((st) => ({ key: st.key, name: st.name, weight: st.weight, percent: st.percent, asOf: st.asOf })),
      })),
      milestones: b.milestones.map((m) => ({
        name: m.name, componentName: m.component_id ? compName.get(m.component_id) ?? null : null, targetDate: m.target_date, achievedOn: m.achieved_on,
        state: m.achieved_on ? 'achieved' : m.target_date < today ? 'overdue' : 'pending',
      })),
      monthly: monthlyView(b, today).map((m) => ({
        month: m.month, planProgress: m.planProgress, actualProgress: m.actualProgress, planInvestmentWan: m.planInvestmentWan, actualInvestmentWan: m.actualInvestmentWan,
      })),
      updates: published.map((u) => ({
        id: u.id, componentName: compName.get(u.component_id) ?? '', stageName: stageName.get(`${u.component_id}/${u.stage_key}`) ?? u.stage_key,
        percent: u.percent, asOf: u.as_of, completesPrevious: u.completes_previous === 1, note: u.note,
        photos: photos.filter((ph) => ph.update_id === u.id).map((ph) => {
          const v = photoView(ph, '/api/public/files');
          return { id: v.id, url: v.url, caption: v.caption, mime: v.mime, size: v.size };
        }),
      })),
    };
  }

  /** A photo of a public, non-voided report of a public project; anything else is “not found”. */
  async file(fileId: string) {
    const ph = await this.repo.getPhoto(fileId);
    if (!ph || ph.project_public !== 1 || ph.update_public !== 1 || ph.voided_at) notFound('图片不存在或未公开');
    return (await this.repo.fileData(fileId)) ?? notFound('图片不存在或未公开');
  }
}
