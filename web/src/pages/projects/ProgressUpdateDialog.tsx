import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Slider, Switch, Typography, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import type { Component } from './types';
import { pct } from './ui';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

interface Result { id: string; photos: number; component: { name: string; before: number; after: number }; project: { before: number; after: number } }

/** 进度填报: one stage of one building on a date, optionally finishing the stages before it, with photos. */
export function ProgressUpdateDialog({ open, projectId, components, initialComponentId, onClose }: {
  open: boolean; projectId: string; components: Component[]; initialComponentId: string | null; onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const componentId = Form.useWatch('componentId', form) as string | undefined;
  const stageKey = Form.useWatch('stageKey', form) as string | undefined;
  const percentValue = Form.useWatch('percent', form) as number | undefined;
  const comp = components.find((c) => c.id === componentId);
  const stage = comp?.stages.find((s) => s.key === stageKey);
  const stageIndex = comp?.stages.findIndex((s) => s.key === stageKey) ?? -1;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFiles([]);
    const c = components.find((x) => x.id === initialComponentId) ?? components[0];
    const next = c?.stages.find((s) => s.percent < 100) ?? c?.stages[0];
    form.setFieldsValue({ componentId: c?.id, stageKey: next?.key, percent: next?.percent ?? 0, asOf: dayjs(), completesPrevious: false, isPublic: true, note: '', internalNote: '' });
  }, [open, initialComponentId, components, form]);

  const stageOptions = useMemo(() => (comp?.stages ?? []).map((s) => ({ value: s.key, label: `${s.name}（当前 ${s.percent}%）` })), [comp]);

  const save = useApiMutation(async (v: Record<string, unknown>) => {
    const fd = new FormData();
    for (const [k, val] of Object.entries(v)) fd.append(k, String(val ?? ''));
    for (const f of files) if (f.originFileObj) fd.append('photos', f.originFileObj, f.name);
    return api.upload<Result>(`/api/projects/${projectId}/updates`, fd);
  }, {
    invalidate: [['projects']],
    onSuccess: (r) => {
      message.success(`已填报：${r.component.name} ${pct(r.component.before)} → ${pct(r.component.after)}，项目总进度 ${pct(r.project.before)} → ${pct(r.project.after)}${r.photos ? `，照片 ${r.photos} 张` : ''}`, 6);
      onClose();
    },
  });

  const submit = async () => {
    const v = await form.validateFields();
    save.mutate({ ...v, asOf: (v.asOf as dayjs.Dayjs).format('YYYY-MM-DD') });
  };

  const lower = stage ? (percentValue ?? 0) < stage.percent : false;

  return (
    <Modal open={open} title="填报进度" onCancel={onClose} onOk={submit} okText="提交" confirmLoading={save.isPending} width={720} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label="单体" name="componentId" rules={[{ required: true, message: '请选择单体' }]}>
              <Select options={components.map((c) => ({ value: c.id, label: `${c.name}（${pct(c.percent)}）` }))} onChange={(id) => {
                const c = components.find((x) => x.id === id);
                const s = c?.stages.find((x) => x.percent < 100) ?? c?.stages[0];
                form.setFieldsValue({ stageKey: s?.key, percent: s?.percent ?? 0 });
              }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="工序" name="stageKey" rules={[{ required: true, message: '请选择工序' }]}>
              <Select options={stageOptions} onChange={(k) => form.setFieldValue('percent', comp?.stages.find((s) => s.key === k)?.percent ?? 0)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="该工序完成" required htmlFor="percent">
              <Row gutter={8} align="middle">
                <Col flex="auto"><Form.Item name="percent" noStyle><Slider id="percent-slider" min={0} max={100} marks={{ 0: '0', 50: '50', 100: '100%' }} /></Form.Item></Col>
                <Col><Form.Item name="percent" noStyle rules={[{ required: true, message: '请填写百分比' }]}><InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 96 }} aria-label="完成百分比" /></Form.Item></Col>
              </Row>
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="进度日期" name="asOf" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          {stageIndex > 0 && (
            <Col span={24}>
              <Form.Item name="completesPrevious" valuePropName="checked">
                <Checkbox>此前工序（{comp!.stages.slice(0, stageIndex).map((s) => s.name).join('、')}）均已完成</Checkbox>
              </Form.Item>
            </Col>
          )}
          {lower && <Col span={24}><Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`低于此前填报的 ${stage!.percent}%：如为更正，请在说明中写明原因`} /></Col>}
          <Col span={24}><Form.Item label="进度说明（公开）" name="note"><Input.TextArea rows={2} maxLength={1000} placeholder="如：综合楼土方开挖完成" /></Form.Item></Col>
          <Col span={24}><Form.Item label="内部备注（不公开）" name="internalNote"><Input.TextArea rows={2} maxLength={1000} /></Form.Item></Col>
          <Col span={24}><Form.Item label="在公开门户展示此条记录及照片" name="isPublic" valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={24}>
            <Form.Item label="现场照片" extra="JPEG、PNG 或 WebP，每张不超过 5 MB，最多 9 张">
              <Upload
                listType="picture-card" multiple accept={TYPES.join(',')} fileList={files} maxCount={9}
                beforeUpload={(file) => {
                  if (!TYPES.includes(file.type)) { message.error(`“${file.name}”不是 JPEG、PNG 或 WebP 图片`); return Upload.LIST_IGNORE; }
                  if (file.size > MAX_BYTES) { message.error(`“${file.name}”超过 5 MB，请压缩后再上传`); return Upload.LIST_IGNORE; }
                  return false;
                }}
                onChange={({ fileList }) => setFiles(fileList)}
                data-testid="photo-upload"
              >
                {files.length < 9 && <span>+ 添加照片</span>}
              </Upload>
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">提交后单体进度和项目总进度按工序权重自动重新计算。</Typography.Text>
      </Form>
    </Modal>
  );
}
