import { useState } from 'react';
import { Button, Card, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Progress, Space, Typography } from 'antd';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import type { Component, ProjectDetail, Stage } from './types';
import { pct, StageBar } from './ui';

/** Each building with its stages as bars; editors report progress, add buildings and adjust stage weights. */
export function ComponentsCard({ project, onReport }: { project: ProjectDetail; onReport: (componentId: string | null) => void }) {
  const [editing, setEditing] = useState<Component | 'new' | null>(null);
  const [form] = Form.useForm();
  const save = useApiMutation(
    (v: { name: string; floorAreaM2: number | null; note: string; stages?: Stage[] }) => editing === 'new'
      ? api.post(`/api/projects/${project.id}/components`, v)
      : api.patch(`/api/projects/${project.id}/components/${(editing as Component).id}`, { ...v, version: (editing as Component).version }),
    { invalidate: [['projects']], success: '已保存', onSuccess: () => setEditing(null) },
  );
  const remove = useApiMutation((c: Component) => api.delete(`/api/projects/${project.id}/components/${c.id}?version=${c.version}`), { invalidate: [['projects']], success: '已删除' });
  const open = (c: Component | 'new') => {
    setEditing(c);
    form.setFieldsValue(c === 'new' ? { name: '', floorAreaM2: null, note: '' } : { name: c.name, floorAreaM2: c.floorAreaM2, note: c.note, stages: c.stages.map(({ key, name, weight }) => ({ key, name, weight })) });
  };

  return (
    <Card
      title="单体进度"
      extra={project.canEdit && (
        <Space>
          <Button onClick={() => open('new')}>新增单体</Button>
          <Button type="primary" onClick={() => onReport(null)} disabled={!project.components.length || project.status === 'completed'} data-testid="report-progress">填报进度</Button>
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        项目总进度 {pct(project.progress)}：{project.weightingExplanation}；单体进度按各工序权重加权计算。
      </Typography.Paragraph>
      {project.components.length === 0 ? <Empty description="尚未登记单体" /> : (
        <List
          dataSource={project.components}
          renderItem={(c) => (
            <List.Item data-testid={`component-${c.name}`} style={{ display: 'block' }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 8 }}>
                <Typography.Text strong style={{ minWidth: 96, fontSize: 15 }}>{c.name}</Typography.Text>
                <div style={{ width: 200 }}><Progress percent={c.percent} format={() => <span data-testid="component-percent">{pct(c.percent)}</span>} size="small" /></div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {c.currentStage ? `当前：${c.currentStage.name} ${c.currentStage.percent}%` : '尚未开工'}
                  {c.lastReportOn ? ` · ${formatDateCn(c.lastReportOn)}` : ''}
                  {c.floorAreaM2 ? ` · ${c.floorAreaM2.toLocaleString('zh-CN')} m²` : ''}
                </Typography.Text>
                {project.canEdit && (
                  <Space size={12} style={{ marginInlineStart: 'auto' }}>
                    <a onClick={() => onReport(c.id)}>填报</a>
                    <a onClick={() => open(c)}>编辑</a>
                    {c.updateCount === 0 && <Popconfirm title={`删除单体“${c.name}”？`} onConfirm={() => remove.mutate(c)}><a>删除</a></Popconfirm>}
                  </Space>
                )}
              </div>
              <StageBar stages={c.stages} />
            </List.Item>
          )}
        />
      )}
      <Modal open={!!editing} title={editing === 'new' ? '新增单体' : `编辑单体：${(editing as Component)?.name ?? ''}`} onCancel={() => setEditing(null)} onOk={async () => save.mutate(await form.validateFields())} confirmLoading={save.isPending} okText="保存" width={680} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="单体名称" name="name" rules={[{ required: true, message: '请输入单体名称' }]}><Input maxLength={40} /></Form.Item>
          <Form.Item label="建筑面积" name="floorAreaM2" extra="项目按面积加权时使用"><InputNumber min={1} suffix="m²" style={{ width: 200 }} /></Form.Item>
          <Form.Item label="说明" name="note"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          {editing !== 'new' && (
            <Form.List name="stages">
              {(fields, { add, remove: rm }) => (
                <>
                  <Typography.Text strong>工序与权重</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>已有填报记录的工序不能删除，可以调整名称和权重。</Typography.Paragraph>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '工序名称' }]}><Input style={{ width: 140 }} maxLength={20} /></Form.Item>
                      <Form.Item name={[f.name, 'key']} hidden><Input /></Form.Item>
                      <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '权重' }]}><InputNumber min={0.1} style={{ width: 100 }} suffix="权重" /></Form.Item>
                      <Button size="small" type="link" danger onClick={() => rm(f.name)}>删除</Button>
                    </Space>
                  ))}
                  <Button type="dashed" block onClick={() => add({ key: `stage_${Date.now().toString(36)}`, name: '', weight: 10 })}>增加工序</Button>
                </>
              )}
            </Form.List>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
