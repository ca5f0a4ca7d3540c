import { lazy, Suspense, useState } from 'react';
import { Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn, formatMonthCn } from '../../lib/format';
import type { MonthRow, ProjectDetail } from './types';
import { pct, wan } from './ui';

// ECharts loads only when someone opens this tab.
const PlanChart = lazy(() => import('./PlanChart'));

/** Plan against actual month by month: investment entered, actual progress derived from the reports. */
export function MonthlyCard({ project }: { project: ProjectDetail }) {
  const [editing, setEditing] = useState<MonthRow | 'new' | null>(null);
  const [form] = Form.useForm();
  const save = useApiMutation((v: { month: string; body: Record<string, unknown> }) => api.put(`/api/projects/${project.id}/monthly/${v.month}`, v.body), {
    invalidate: [['projects']], success: '已保存', onSuccess: () => setEditing(null),
  });
  const remove = useApiMutation((m: MonthRow) => api.delete(`/api/projects/${project.id}/monthly/${m.month}?version=${m.version}`), { invalidate: [['projects']], success: '已删除' });
  const open = (m: MonthRow | 'new') => {
    setEditing(m);
    form.setFieldsValue(m === 'new'
      ? { month: dayjs(), planInvestmentWan: null, actualInvestmentWan: null, planProgress: null, note: '' }
      : { month: dayjs(`${m.month}-01`), planInvestmentWan: m.planInvestmentWan, actualInvestmentWan: m.actualInvestmentWan, planProgress: m.planProgress, note: m.note });
  };
  const submit = async () => {
    const v = await form.validateFields();
    const month = (v.month as dayjs.Dayjs).format('YYYY-MM');
    const body = { planInvestmentWan: v.planInvestmentWan ?? null, actualInvestmentWan: v.actualInvestmentWan ?? null, planProgress: v.planProgress ?? null, note: v.note ?? '' };
    const existing = editing === 'new' ? project.monthly.find((m) => m.month === month) : (editing as MonthRow);
    save.mutate({ month, body: existing ? { ...body, version: existing.version } : body });
  };
  const last = [...project.monthly].reverse().find((m) => m.actualInvestmentCumWan !== null && m.actualInvestmentWan !== null);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {project.canEdit && <Button onClick={() => open('new')}>填报月度计划 / 完成</Button>}
        {last && <Typography.Text type="secondary">截至 {last.month} 累计完成投资 {wan(last.actualInvestmentCumWan)}，计划总投资 {wan(project.plannedInvestmentWan)}</Typography.Text>}
      </Space>
      {project.monthly.length === 0 ? <Empty description="尚未填报月度计划" /> : <Suspense fallback={<div style={{ height: 300 }} />}><PlanChart rows={project.monthly} /></Suspense>}
      <Table<MonthRow>
        rowKey="id" size="small" pagination={false} dataSource={project.monthly} scroll={{ x: 860 }} style={{ marginTop: 12 }}
        columns={[
          { title: '月份', dataIndex: 'month', render: formatMonthCn },
          { title: '计划投资', dataIndex: 'planInvestmentWan', render: wan },
          { title: '完成投资', dataIndex: 'actualInvestmentWan', render: wan },
          { title: '累计计划 / 完成', key: 'cum', render: (_, m) => `${m.planInvestmentCumWan.toLocaleString('zh-CN')} / ${m.actualInvestmentCumWan === null ? '—' : m.actualInvestmentCumWan.toLocaleString('zh-CN')} 万元` },
          { title: '计划累计进度', dataIndex: 'planProgress', render: pct },
          {
            title: '实际累计进度', dataIndex: 'actualProgress',
            render: (v, m) => (v === null ? '—' : <span title={`按截至 ${formatDateCn(m.actualProgressAsOf)} 的填报计算`}>{pct(v)}{m.planProgress !== null && v < m.planProgress - 0.05 ? <Typography.Text type="danger">（差 {(m.planProgress - v).toFixed(1)}）</Typography.Text> : null}</span>),
          },
          { title: '说明', dataIndex: 'note' },
          ...(project.canEdit ? [{
            title: '操作', key: 'ops', render: (_: unknown, m: MonthRow) => (
              <Space><a onClick={() => open(m)}>编辑</a><Popconfirm title={`删除 ${m.month} 的数据？`} onConfirm={() => remove.mutate(m)}><a>删除</a></Popconfirm></Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={!!editing} title="月度计划与完成" onCancel={() => setEditing(null)} onOk={submit} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="月份" name="month" rules={[{ required: true, message: '请选择月份' }]}><DatePicker picker="month" disabled={editing !== 'new'} style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="本月计划投资" name="planInvestmentWan"><InputNumber min={0} suffix="万元" style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="本月完成投资" name="actualInvestmentWan" extra="月份开始后方可填写"><InputNumber min={0} suffix="万元" style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="月末计划累计形象进度" name="planProgress" extra="作为序时进度的依据；实际进度由各单体填报自动计算"><InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="说明" name="note"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
