import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, List, Modal, Popconfirm, Radio, Row, Space, Switch, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import type { GlobalLightRules, LightRules, Stage, StageTemplate } from './types';

/** The rule fields, shared by the global rules and a project's own rules. */
export function LightRulesFields({ disabled }: { disabled?: boolean }) {
  return (
    <Row gutter={16}>
      <Col xs={12} md={8}><Form.Item label="落后多少个百分点起亮黄灯" name="gapYellow" rules={[{ required: true }]}><InputNumber min={0} max={100} disabled={disabled} suffix="个百分点" style={{ width: '100%' }} /></Form.Item></Col>
      <Col xs={12} md={8}><Form.Item label="落后超过多少个百分点亮红灯" name="gapRed" rules={[{ required: true }]}><InputNumber min={0} max={100} disabled={disabled} suffix="个百分点" style={{ width: '100%' }} /></Form.Item></Col>
      <Col xs={24} md={8}>
        <Form.Item label="序时进度依据" name="targetBasis">
          <Radio.Group disabled={disabled} options={[{ value: 'plan', label: '月度计划' }, { value: 'linear', label: '按工期均匀推算' }]} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}><Form.Item label="计划开工满几个月未开工亮红灯" name="notStartedRedMonths" rules={[{ required: true }]}><InputNumber min={1} max={24} disabled={disabled} suffix="个月" style={{ width: '100%' }} /></Form.Item></Col>
      <Col xs={12} md={8}><Form.Item label="里程碑到期前提示" name="milestoneWarnDays"><InputNumber min={0} max={365} disabled={disabled} suffix="天" style={{ width: '100%' }} /></Form.Item></Col>
      <Col xs={24} md={8}>
        <Form.Item name="notStartedYellow" valuePropName="checked" style={{ marginBottom: 4 }}><Checkbox disabled={disabled}>过计划开工日仍未开工亮黄灯</Checkbox></Form.Item>
        <Form.Item name="milestoneOverdueRed" valuePropName="checked" style={{ marginBottom: 4 }}><Checkbox disabled={disabled}>里程碑逾期未完成亮红灯</Checkbox></Form.Item>
        <Form.Item name="suspendedYellow" valuePropName="checked" style={{ marginBottom: 4 }}><Checkbox disabled={disabled}>停工项目至少亮黄灯</Checkbox></Form.Item>
      </Col>
    </Row>
  );
}


export function GlobalLightRulesDialog({ open, canEdit, onClose }: { open: boolean; canEdit: boolean; onClose: () => void }) {
  const [form] = Form.useForm<LightRules>();
  const q = useQuery({ queryKey: ['projects', 'light-rules'], queryFn: () => api.get<GlobalLightRules>('/api/projects/light-rules'), enabled: open });
  useEffect(() => { if (open && q.data) form.setFieldsValue(q.data.rules); }, [open, q.data, form]);
  const save = useApiMutation((rules: LightRules) => api.put('/api/projects/light-rules', { version: q.data!.version, rules }), {
    invalidate: [['projects']], success: '亮灯规则已更新，所有项目按新规则重新判定', onSuccess: onClose,
  });
  return (
    <Modal open={open} title="全局亮灯规则" onCancel={onClose} width={760} destroyOnHidden
      footer={canEdit ? [<Button key="d" onClick={() => form.setFieldsValue(q.data!.defaults)}>恢复默认</Button>, <Button key="c" onClick={onClose}>取消</Button>, <Button key="s" type="primary" loading={save.isPending} onClick={async () => save.mutate(await form.validateFields())}>保存</Button>] : [<Button key="c" onClick={onClose}>关闭</Button>]}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="未单独设置规则的项目都按这里的规则亮灯；亮灯在每次查看时按当日日期和最新进度重新计算。" />
      <Form form={form} layout="vertical"><LightRulesFields disabled={!canEdit} /></Form>
      {q.data && <List size="small" header={<b>当前规则</b>} dataSource={q.data.sentences} renderItem={(s) => <List.Item>{s}</List.Item>} />}
    </Modal>
  );
}

/** Stage templates: the built-in one is read-only; the zone adds its own and picks the default. */
export function StageTemplatesDialog({ open, canEdit, onClose }: { open: boolean; canEdit: boolean; onClose: () => void }) {
  const q = useQuery({ queryKey: ['projects', 'stage-templates'], queryFn: () => api.get<StageTemplate[]>('/api/projects/stage-templates'), enabled: open });
  const [editing, setEditing] = useState<StageTemplate | 'new' | null>(null);
  const [form] = Form.useForm<{ name: string; isDefault: boolean; stages: Stage[] }>();
  const save = useApiMutation(
    (v: { name: string; isDefault: boolean; stages: Stage[] }) => (editing === 'new' ? api.post('/api/projects/stage-templates', v) : api.patch(`/api/projects/stage-templates/${(editing as StageTemplate).id}`, { ...v, version: (editing as StageTemplate).version })),
    { invalidate: [['projects', 'stage-templates']], success: '模板已保存', onSuccess: () => setEditing(null) },
  );
  const remove = useApiMutation((t: StageTemplate) => api.delete(`/api/projects/stage-templates/${t.id}?version=${t.version}`), { invalidate: [['projects', 'stage-templates']], success: '模板已删除' });
  const edit = (t: StageTemplate | 'new', copyFrom?: StageTemplate) => {
    setEditing(t);
    const src = t === 'new' ? copyFrom : t;
    form.setFieldsValue({ name: t === 'new' ? (copyFrom ? `${copyFrom.name.replace('（系统默认）', '')}（副本）` : '') : t.name, isDefault: t !== 'new' && t.isDefault, stages: src?.stages ?? [{ key: 'stage_1', name: '', weight: 10 }] });
  };
  return (
    <Modal open={open} title="工序模板" onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">新建单体时复制模板中的工序及权重；已建单体各自保存工序，修改模板不影响已有项目。</Typography.Paragraph>
      <List
        loading={q.isLoading}
        dataSource={q.data ?? []}
        renderItem={(t) => (
          <List.Item actions={canEdit ? [
            <a key="c" onClick={() => edit('new', t)}>复制</a>,
            ...(t.builtin ? [] : [<a key="e" onClick={() => edit(t)}>编辑</a>, <Popconfirm key="d" title="删除此模板？" onConfirm={() => remove.mutate(t)}><a>删除</a></Popconfirm>]),
          ] : []}>
            <List.Item.Meta
              title={<Space>{t.name}{t.isDefault && <Tag color="blue">默认</Tag>}{t.builtin && <Tag>系统</Tag>}</Space>}
              description={t.stages.map((s) => `${s.name}（${s.weight}）`).join(' → ')}
            />
          </List.Item>
        )}
      />
      {canEdit && <Button type="dashed" block onClick={() => edit('new')}>新建模板</Button>}
      <Modal open={!!editing} title={editing === 'new' ? '新建工序模板' : '编辑工序模板'} onCancel={() => setEditing(null)} onOk={async () => save.mutate(await form.validateFields())} confirmLoading={save.isPending} okText="保存" width={680} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="模板名称" name="name" rules={[{ required: true, message: '请输入模板名称' }]}><Input maxLength={40} /></Form.Item>
          <Form.Item label="设为默认模板" name="isDefault" valuePropName="checked"><Switch /></Form.Item>
          <Form.List name="stages">
            {(fields, { add, remove: rm, move }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '工序名称' }]}><Input placeholder="工序名称" style={{ width: 140 }} maxLength={20} /></Form.Item>
                    <Form.Item name={[f.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: '小写字母开头' }]}><Input placeholder="编码" style={{ width: 140 }} /></Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '权重' }]}><InputNumber min={0.1} placeholder="权重" style={{ width: 100 }} /></Form.Item>
                    <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>上移</Button>
                    <Button size="small" type="link" danger onClick={() => rm(f.name)}>删除</Button>
                  </Space>
                ))}
                <Button type="dashed" block onClick={() => add({ key: `stage_${fields.length + 1}`, name: '', weight: 10 })}>增加工序</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Modal>
  );
}
