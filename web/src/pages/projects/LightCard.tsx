import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, List, Modal, Radio, Space, Statistic, Typography } from 'antd';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import type { LightRules, ProjectDetail } from './types';
import { LIGHT_COLORS, LightReasons, LightTag, pct } from './ui';
import { LightRulesFields } from './ConfigDialogs';

/** The light with every reason, the rules it was judged by, and (for the zone) the project's own rules. */
export function LightCard({ project }: { project: ProjectDetail }) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'global' | 'custom'>(project.lightRules.custom ? 'custom' : 'global');
  const [form] = Form.useForm<LightRules>();
  useEffect(() => {
    if (!open) return;
    setMode(project.lightRules.custom ? 'custom' : 'global');
    form.setFieldsValue(project.lightRules.effective);
  }, [open, project, form]);
  const save = useApiMutation((rules: Partial<LightRules> | null) => api.put(`/api/projects/${project.id}/light-rules`, { version: project.version, rules }), {
    invalidate: [['projects']], success: '亮灯规则已更新', onSuccess: () => setOpen(false),
  });
  const submit = async () => {
    if (mode === 'global') return save.mutate(null);
    const v = await form.validateFields();
    // Keep only what differs from the global rules, so later global changes still reach this project.
    const diff = Object.fromEntries(Object.entries(v).filter(([k, x]) => project.lightRules.global[k as keyof LightRules] !== x));
    save.mutate(Object.keys(diff).length ? diff : null);
  };
  const l = project.light;
  return (
    <Card title={<Space>亮灯 <LightTag light={l} withTooltip={false} /></Space>} style={{ borderTop: `3px solid ${LIGHT_COLORS[l.light]}` }}
      extra={project.canManage && <Button size="small" onClick={() => setOpen(true)}>本项目亮灯规则</Button>}>
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Statistic title="形象进度" value={project.progress} precision={1} suffix="%" />
        <Statistic title="序时进度" value={l.expected ?? '—'} precision={l.expected === null ? undefined : 1} suffix={l.expected === null ? '' : '%'} />
        <Statistic title={l.gap !== null && l.gap < 0 ? '超前' : '落后'} value={l.gap === null ? '—' : Math.abs(l.gap)} precision={l.gap === null ? undefined : 1} suffix={l.gap === null ? '' : '个百分点'} />
      </Space>
      <LightReasons light={l} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        规则（{project.lightRules.custom ? '本项目专用' : '全局'}）：{project.lightRules.sentences.slice(0, 4).join('；')}。
      </Typography.Paragraph>
      <Modal open={open} title="本项目亮灯规则" onCancel={() => setOpen(false)} onOk={submit} okText="保存" confirmLoading={save.isPending} width={760} destroyOnHidden>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 16 }}
          options={[{ value: 'global', label: '沿用全局规则' }, { value: 'custom', label: '本项目单独设置' }]} />
        {mode === 'global'
          ? <List size="small" bordered dataSource={project.lightRules.sentences} renderItem={(s) => <List.Item>{s}</List.Item>} />
          : (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`与全局规则不同的项将单独保存；当前形象进度 ${pct(project.progress)}。`} />
              <Form form={form} layout="vertical"><LightRulesFields /></Form>
            </>
          )}
      </Modal>
    </Card>
  );
}
