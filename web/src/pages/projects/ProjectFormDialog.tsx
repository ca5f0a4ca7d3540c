import { useEffect } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { CATEGORY_OPTIONS, LEVEL_OPTIONS, STATUS_OPTIONS, type OrgOption, type ProjectDetail, type StageTemplate } from './types';

const toDate = (d: string | null | undefined) => (d ? dayjs(d) : null);
const fromDate = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Create a project (with its buildings) or edit one; the owner unit and visibility are the zone's to change. */
export function ProjectFormDialog({ open, project, canManage, onClose, onSaved }: {
  open: boolean; project: ProjectDetail | null; canManage: boolean; onClose: () => void; onSaved: (id: string) => void;
}) {
  const [form] = Form.useForm();
  const orgs = useQuery({ queryKey: ['org-units'], queryFn: () => api.get<OrgOption[]>('/api/org-units'), enabled: open });
  const templates = useQuery({ queryKey: ['projects', 'stage-templates'], queryFn: () => api.get<StageTemplate[]>('/api/projects/stage-templates'), enabled: open && !project });
  const save = useApiMutation(
    (body: Record<string, unknown>) => (project ? api.patch<ProjectDetail>(`/api/projects/${project.id}`, { ...body, version: project.version }) : api.post<ProjectDetail>('/api/projects', body)),
    { invalidate: [['projects']], success: '已保存', onSuccess: (p) => onSaved(p.id) },
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project) {
      form.setFieldsValue({
        ...project, plannedStart: toDate(project.plannedStart), plannedFinish: toDate(project.plannedFinish), actualStart: toDate(project.actualStart),
      });
    } else {
      form.setFieldsValue({ level: '市级重点', category: '产业项目', status: 'preparing', weighting: 'equal', isPublic: true, components: [{ name: '' }], stageTemplateId: null });
    }
  }, [open, project, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {
      name: v.name, location: v.location, level: v.level, category: v.category, status: v.status, weighting: v.weighting,
      plannedInvestmentWan: v.plannedInvestmentWan ?? null, plannedStart: fromDate(v.plannedStart), plannedFinish: fromDate(v.plannedFinish),
      actualStart: fromDate(v.actualStart), description: v.description ?? '', internalNote: v.internalNote ?? '',
    };
    if (canManage || !project) { body.ownerOrgId = v.ownerOrgId; body.isPublic = v.isPublic; }
    if (!project) {
      body.components = (v.components ?? []).filter((c: { name?: string }) => c?.name?.trim()).map((c: { name: string; floorAreaM2?: number }) => ({ name: c.name.trim(), floorAreaM2: c.floorAreaM2 ?? null }));
      body.stageTemplateId = v.stageTemplateId ?? null;
    }
    save.mutate(body);
  };

  return (
    <Modal open={open} title={project ? '编辑项目' : '新建重点项目'} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={save.isPending} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Row gutter={16}>
          <Col xs={24} md={14}><Form.Item label="项目名称" name="name" rules={[{ required: true, message: '请输入项目名称' }]}><Input maxLength={80} /></Form.Item></Col>
          <Col xs={24} md={10}>
            <Form.Item label="责任单位" name="ownerOrgId" rules={[{ required: true, message: '请选择责任单位' }]} extra={project && !canManage ? '责任单位由管委会调整' : undefined}>
              <Select disabled={!!project && !canManage} showSearch={{ optionFilterProp: 'label' }} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}><Form.Item label="建设地点" name="location" rules={[{ required: true, message: '请输入建设地点' }]}><Input maxLength={120} /></Form.Item></Col>
          <Col xs={12} md={5}><Form.Item label="项目级别" name="level"><Select options={LEVEL_OPTIONS} /></Form.Item></Col>
          <Col xs={12} md={5}><Form.Item label="项目类别" name="category"><Select options={CATEGORY_OPTIONS} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item label="计划总投资" name="plannedInvestmentWan"><InputNumber min={0} style={{ width: '100%' }} suffix="万元" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item label="计划开工" name="plannedStart"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}>
            <Form.Item label="计划竣工" name="plannedFinish" dependencies={['plannedStart']} rules={[({ getFieldValue }) => ({
              validator: (_, v) => (!v || !getFieldValue('plannedStart') || !v.isBefore(getFieldValue('plannedStart')) ? Promise.resolve() : Promise.reject(new Error('竣工日期不能早于开工日期'))),
            })]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={6}><Form.Item label="实际开工" name="actualStart" extra="不填则以首次进度填报日期计"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={8}><Form.Item label="项目状态" name="status"><Select options={STATUS_OPTIONS} /></Form.Item></Col>
          <Col xs={12} md={8}>
            <Form.Item label="总进度计算" name="weighting">
              <Select options={[{ value: 'equal', label: '各单体等权平均' }, { value: 'area', label: '按建筑面积加权' }]} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="在公开门户展示" name="isPublic" valuePropName="checked" extra={project && !canManage ? '由管委会决定' : undefined}><Switch disabled={!!project && !canManage} /></Form.Item>
          </Col>
          <Col span={24}><Form.Item label="项目简介（公开）" name="description"><Input.TextArea rows={3} maxLength={2000} showCount /></Form.Item></Col>
          <Col span={24}><Form.Item label="内部备注（不公开）" name="internalNote"><Input.TextArea rows={2} maxLength={2000} /></Form.Item></Col>
        </Row>
        {!project && (
          <>
            <Typography.Title level={5}>单体（建筑）</Typography.Title>
            <Form.Item label="工序模板" name="stageTemplateId" extra="每个单体按模板中的工序及权重计算进度，之后可单独调整">
              <Select allowClear placeholder="默认模板" options={(templates.data ?? []).map((t) => ({ value: t.id, label: `${t.name}${t.isDefault ? '（默认）' : ''}：${t.stages.map((s) => s.name).join('、')}` }))} />
            </Form.Item>
            <Form.List name="components">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请输入单体名称' }]}><Input placeholder="如：教学楼" maxLength={40} /></Form.Item>
                      <Form.Item name={[f.name, 'floorAreaM2']}><InputNumber min={1} placeholder="建筑面积" suffix="m²" style={{ width: 160 }} /></Form.Item>
                      <Button type="link" onClick={() => remove(f.name)}>删除</Button>
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ name: '' })} block>增加单体</Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </Modal>
  );
}
