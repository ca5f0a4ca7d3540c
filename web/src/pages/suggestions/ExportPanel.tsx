import { useState, type ReactNode } from 'react';
import { App, Button, Form, Select, Space, Typography } from 'antd';
import { STATE_LABELS, SUGGESTION_STATES } from '../../../../domain/suggestion-states';
import { download, ApiError, qs } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { unitOptions, useHandlingUnits, useSessions } from './data';
import { SUGGESTION_CATEGORIES } from './labels';

export interface ExportFilters {
  sessionId?: string;
  state?: string[];
  unitId?: string;
  category?: string;
  keySupervision?: string;
  clock?: string;
  q?: string;
}

export const exportUrl = (f: ExportFilters) => {
  const base = qs({ sessionId: f.sessionId, unitId: f.unitId, category: f.category, keySupervision: f.keySupervision, clock: f.clock, q: f.q });
  const states = (f.state ?? []).map((s) => `state=${encodeURIComponent(s)}`).join('&');
  return `/api/suggestions/export.xlsx${base}${states ? (base ? '&' : '?') + states : ''}`;
};

/** A button that downloads the list with the given filters (the same as the list endpoint's) as .xlsx. */
export function ExportButton({ filters, children = '导出 Excel' }: { filters: ExportFilters; children?: ReactNode }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button loading={busy} data-testid="export-button" onClick={async () => {
      setBusy(true);
      try { await download(exportUrl(filters), '建议清单.xlsx'); } catch (e) { message.error(e instanceof ApiError ? e.message : '导出失败'); } finally { setBusy(false); }
    }}>{children}</Button>
  );
}

/** Export with filters chosen here: the rows each person may see in the list, nothing more. */
export default function ExportPanel() {
  const me = useMe();
  const sessions = useSessions();
  const units = useHandlingUnits();
  const [f, setF] = useState<ExportFilters>({});
  const wide = me.user.role === 'organizer' || me.user.role === 'admin';
  return (
    <div>
      <Typography.Paragraph type="secondary">
        按筛选条件导出建议清单（含建议内容），导出的范围与“建议列表”相同：{wide ? '全部建议' : me.user.role === 'unit_staff' ? '本单位承办的建议' : '本人领衔或附议的建议'}。导出的文件可直接用于导入。
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 12 }}>
        <Form.Item label="届次"><Select allowClear placeholder="全部" style={{ width: 160 }} value={f.sessionId} onChange={(v) => setF({ ...f, sessionId: v })} options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.body}${s.shortName}` }))} /></Form.Item>
        <Form.Item label="状态"><Select mode="multiple" allowClear placeholder="全部" style={{ minWidth: 200 }} value={f.state} onChange={(v) => setF({ ...f, state: v })} options={SUGGESTION_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} /></Form.Item>
        {wide && <Form.Item label="承办单位"><Select allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 220 }} value={f.unitId} onChange={(v) => setF({ ...f, unitId: v })} options={unitOptions(units.data)} /></Form.Item>}
        <Form.Item label="类别"><Select allowClear placeholder="全部" style={{ width: 130 }} value={f.category} onChange={(v) => setF({ ...f, category: v })} options={SUGGESTION_CATEGORIES.map((c) => ({ value: c, label: c }))} /></Form.Item>
        <Form.Item label="时限"><Select allowClear placeholder="全部" style={{ width: 110 }} value={f.clock} onChange={(v) => setF({ ...f, clock: v })} options={[{ value: 'overdue', label: '逾期' }, { value: 'due_soon', label: '临期' }]} /></Form.Item>
        <Form.Item><Space><ExportButton filters={f} /></Space></Form.Item>
      </Form>
    </div>
  );
}
