import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Slider, Space, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { PROMISE_NEXT, PROMISE_STATUS_LABELS, transitionNeeds, type PromiseStatus } from '../../../../domain/promise-states';
import { ownerOptions, pkeys, SourceWords, useOrgUnits, useProjectOptions } from './components';
import type { PromiseView, SourceKind, SourceOptions } from './types';
import { useQuery } from '@tanstack/react-query';
import { formatDateCn } from '../../lib/format';

const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const COMPARATORS = [{ value: '>=', label: '不少于' }, { value: '>', label: '超过' }, { value: '=', label: '等于' }, { value: '<=', label: '不超过' }, { value: '<', label: '少于' }];

interface DialogProps {
  p: PromiseView;
  open: boolean;
  onClose: () => void;
}

/** Confirm (with edits) or edit a promise: wording, owner, date (before confirmation), target, project. */
export function ReviewDialog({ p, open, onClose, mode }: DialogProps & { mode: 'confirm' | 'edit' }) {
  const [form] = Form.useForm();
  const units = useOrgUnits();
  const projects = useProjectOptions();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      text: p.text, ownerOrgId: p.owner.id, due: p.due ? dayjs(p.due) : null, action: p.action, projectId: p.project?.id ?? null,
      targetValue: p.target?.value ?? null, targetUnit: p.target?.unit ?? '', targetComparator: p.target?.comparator ?? '>=',
      status: p.extractedStatus === 'done' ? 'done' : 'planned', note: '',
    });
  }, [open, p, form]);
  const save = useApiMutation((v: Record<string, any>) => {
    const body: Record<string, unknown> = {
      version: p.version, text: v.text, ownerOrgId: v.ownerOrgId, action: v.action || null, projectId: v.projectId ?? null,
      target: v.targetValue === null || v.targetValue === undefined ? null : { value: v.targetValue, unit: v.targetUnit ?? '', comparator: v.targetComparator ?? '>=' },
      ...(v.note ? { note: v.note } : {}),
    };
    if (!p.confirmed) body.due = v.due ? ymd(v.due) : null;
    if (mode === 'confirm') return api.post(`/api/promises/${p.id}/confirm`, { ...body, status: v.status });
    return api.patch(`/api/promises/${p.id}`, body);
  }, { invalidate: [pkeys.all], success: mode === 'confirm' ? '已确认该承诺' : '已保存修改', onSuccess: onClose });

  return (
    <Modal open={open} title={mode === 'confirm' ? '确认承诺' : '修改承诺'} onCancel={onClose} okText={mode === 'confirm' ? '确认' : '保存'} confirmLoading={save.isPending}
      onOk={async () => save.mutate(await form.validateFields())} destroyOnHidden width={720}>
      <div style={{ marginBottom: 12 }}><SourceWords p={p} /></div>
      <Form form={form} layout="vertical">
        <Form.Item label="承诺内容" name="text" rules={[{ required: true, min: 4, message: '承诺内容至少 4 个字' }]} extra="可按原文精简为一句可核对的承诺，原文会一直保留。">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="责任单位" name="ownerOrgId" rules={[{ required: true, message: '请选择责任单位' }]}>
              <Select showSearch optionFilterProp="label" options={ownerOptions(units.data)} loading={units.isLoading} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="完成时限" name="due" extra={p.confirmed ? '已确认的承诺如需推迟，请使用“更新状态 → 已延期”并写明原因。' : '不填即为“无明确时限”。'}>
              <DatePicker style={{ width: '100%' }} disabled={p.confirmed} placeholder="无明确时限" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={8} md={5}><Form.Item label="目标" name="targetComparator"><Select options={COMPARATORS} /></Form.Item></Col>
          <Col xs={8} md={7}><Form.Item label="数值" name="targetValue"><InputNumber min={0} style={{ width: '100%' }} placeholder="无" /></Form.Item></Col>
          <Col xs={8} md={4}><Form.Item label="单位" name="targetUnit"><Input maxLength={20} placeholder="m²" /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item label="动作" name="action"><Input maxLength={20} placeholder="如：主体封顶" /></Form.Item></Col>
        </Row>
        <Form.Item label="关联重点项目" name="projectId">
          <Select allowClear showSearch optionFilterProp="label" placeholder="不关联" loading={projects.isLoading}
            options={(projects.data ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.ownerOrgName}）` }))} />
        </Form.Item>
        {mode === 'confirm' && p.extractedStatus === 'done' && (
          <Form.Item label="答复称已完成" name="status" extra="答复中说“已建成”“已全面开工”的事项，可确认为已完成，或作为仍需推进的承诺跟踪。">
            <Radio.Group options={[{ value: 'done', label: '确认为已完成' }, { value: 'in_progress', label: '作为推进中的承诺跟踪' }, { value: 'planned', label: '作为计划中的承诺跟踪' }]} />
          </Form.Item>
        )}
        <Form.Item label="说明" name="note"><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={2000} placeholder="可选，记入变更记录" /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Change the status: 推进中 / 已完成 / 已延期（原因 + 新时限）/ 已终止（原因）. */
export function StatusDialog({ p, open, onClose }: DialogProps) {
  const [form] = Form.useForm();
  const to = Form.useWatch('status', form) as PromiseStatus | undefined;
  const options = PROMISE_NEXT[p.status].map((s) => ({ value: s, label: s === 'in_progress' && p.status === 'done' ? '重新打开（推进中）' : PROMISE_STATUS_LABELS[s] }));
  useEffect(() => { if (open) form.setFieldsValue({ status: options[0]?.value, reason: '', note: '', internal: false, doneOn: dayjs(), newDue: null }); }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const needs = to ? transitionNeeds(to, p.status) : { reason: false, newDue: false, doneOn: false };
  const save = useApiMutation((v: Record<string, any>) => api.post(`/api/promises/${p.id}/status`, {
    version: p.version, status: v.status, reason: needs.reason ? v.reason : undefined, newDue: needs.newDue ? ymd(v.newDue) : undefined,
    doneOn: needs.doneOn ? ymd(v.doneOn) : undefined, note: v.note || undefined, internal: !!v.internal,
  }), { invalidate: [pkeys.all], success: '状态已更新', onSuccess: onClose });
  return (
    <Modal open={open} title="更新状态" onCancel={onClose} okText="保存" confirmLoading={save.isPending} onOk={async () => save.mutate(await form.validateFields())} destroyOnHidden>
      {options.length === 0 ? <Alert type="info" showIcon title="该承诺已终止，不能再更改状态。" /> : (
        <Form form={form} layout="vertical">
          <Form.Item label="新的状态" name="status" rules={[{ required: true }]}><Radio.Group options={options} optionType="button" /></Form.Item>
          {needs.newDue && (
            <Form.Item label="新的完成时限" name="newDue" rules={[{ required: true, message: '请选择新的完成时限' }]} extra={p.due ? `原时限：${formatDateCn(p.due)}` : undefined}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day') || (!!p.due && !d.isAfter(dayjs(p.due), 'day'))} />
            </Form.Item>
          )}
          {needs.reason && (
            <Form.Item label={to === 'slipped' ? '延期原因' : to === 'dropped' ? '终止原因' : '重新打开的原因'} name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请写明原因' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          )}
          {needs.doneOn && (
            <Form.Item label="完成日期" name="doneOn" rules={[{ required: true, message: '请选择完成日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          )}
          <Form.Item label="说明" name="note"><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={2000} /></Form.Item>
          <Form.Item name="internal" valuePropName="checked"><Checkbox>说明仅内部可见（公开页面只显示状态变化）</Checkbox></Form.Item>
          {(to === 'done' || to === 'dropped') && <Alert type="info" showIcon title="保存后将通知提出建议的代表评价落实情况。" />}
        </Form>
      )}
    </Modal>
  );
}

export function ProgressDialog({ p, open, onClose }: DialogProps) {
  const [form] = Form.useForm();
  useEffect(() => { if (open) form.setFieldsValue({ progress: p.progress, achievedValue: p.achievedValue, note: '', internal: false }); }, [open, p, form]);
  const save = useApiMutation((v: Record<string, any>) => api.post(`/api/promises/${p.id}/progress`, {
    version: p.version, progress: v.progress, ...(p.target ? { achievedValue: v.achievedValue ?? null } : {}), note: v.note || undefined, internal: !!v.internal,
  }), { invalidate: [pkeys.all], success: '进度已更新', onSuccess: onClose });
  return (
    <Modal open={open} title="更新进度" onCancel={onClose} okText="保存" confirmLoading={save.isPending} onOk={async () => save.mutate(await form.validateFields())} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item label="进度（%）" required>
          <Row gutter={12} align="middle">
            <Col flex="auto"><Form.Item name="progress" noStyle><Slider min={0} max={100} /></Form.Item></Col>
            <Col><Form.Item name="progress" noStyle rules={[{ required: true, message: '请填写进度' }]}><InputNumber min={0} max={100} precision={0} aria-label="进度" /></Form.Item></Col>
          </Row>
        </Form.Item>
        {p.target && (
          <Form.Item label={`已完成数值（目标：${p.target.text}）`} name="achievedValue"><InputNumber min={0} style={{ width: '100%' }} suffix={p.target.unit || undefined} /></Form.Item>
        )}
        <Form.Item label="进展说明" name="note" rules={[{ max: 2000 }]}><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} placeholder="如：主干道两侧补植完成" /></Form.Item>
        <Form.Item name="internal" valuePropName="checked"><Checkbox>说明仅内部可见</Checkbox></Form.Item>
        {p.status === 'planned' && <Typography.Text type="secondary">填报大于 0 的进度后，状态自动变为“推进中”。</Typography.Text>}
      </Form>
    </Modal>
  );
}

/** A dated note with an optional photo or document (JPEG/PNG/WebP, PDF, Word/Excel, ≤ 10 MB). */
export function EvidenceDialog({ p, open, onClose }: DialogProps) {
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => { if (open) { form.setFieldsValue({ note: '', happenedOn: dayjs(), internal: false }); setFile(null); } }, [open, form]);
  const save = useApiMutation((v: Record<string, any>) => {
    const fd = new FormData();
    fd.set('version', String(p.version));
    fd.set('note', v.note);
    fd.set('happenedOn', ymd(v.happenedOn)!);
    fd.set('internal', v.internal ? 'true' : 'false');
    if (file) fd.set('file', file, file.name);
    return api.upload(`/api/promises/${p.id}/evidence`, fd);
  }, { invalidate: [pkeys.all], success: '佐证材料已上传', onSuccess: onClose });
  return (
    <Modal open={open} title="上传佐证材料" onCancel={onClose} okText="上传" confirmLoading={save.isPending} onOk={async () => save.mutate(await form.validateFields())} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item label="说明" name="note" rules={[{ required: true, whitespace: true, min: 2, message: '请写明佐证说明' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} placeholder="如：163亩工业用地挂牌出让成交确认书" />
        </Form.Item>
        <Form.Item label="日期" name="happenedOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="附件" extra="照片（JPEG、PNG、WebP）、PDF 或 Word/Excel 文档，不超过 10 MB。">
          <Upload maxCount={1} accept=".jpg,.jpeg,.png,.webp,.pdf,.doc,.docx,.xls,.xlsx" fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => { if (f.size > 10 * 1024 * 1024) { Modal.error({ title: '文件过大', content: '文件不能超过 10 MB，请压缩后再上传。' }); return Upload.LIST_IGNORE; } setFile(f); return false; }}
            onRemove={() => { setFile(null); }}>
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="internal" valuePropName="checked"><Checkbox>仅内部可见（不在代表和公开页面显示）</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

/** A deputy's rating of the delivery: 兑现 / 部分兑现 / 未兑现, with a comment. */
export function RatingForm({ p, onDone }: { p: PromiseView; onDone?: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: Record<string, any>) => api.post(`/api/promises/${p.id}/ratings`, { rating: v.rating, comment: v.comment || undefined, promiseVersion: p.version }), {
    invalidate: [pkeys.all, ['suggestions']], success: '评价已提交，谢谢！', onSuccess: () => { form.resetFields(); onDone?.(); },
  });
  const rating = Form.useWatch('rating', form);
  return (
    <Form form={form} name={`rate-${p.id}`} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="rating-form">
      {p.delivery.mine && !p.delivery.mine.current && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`您曾评价为“${p.delivery.mine.label}”，此后承诺有了新的进展，可以重新评价（以最新一次为准）。`} />
      )}
      <Form.Item label="落实情况" name="rating" rules={[{ required: true, message: '请选择兑现、部分兑现或未兑现' }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'kept', label: '兑现' }, { value: 'partly', label: '部分兑现' }, { value: 'not_kept', label: '未兑现' }]} />
      </Form.Item>
      <Form.Item label="意见" name="comment" rules={[{ max: 1000 }, ...(rating && rating !== 'kept' ? [{ required: true, whitespace: true, message: '请写明哪些没有落实' }] : [])]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder={rating && rating !== 'kept' ? '请写明哪些没有落实，便于承办单位跟进' : '可选'} />
      </Form.Item>
      <Space><Button type="primary" htmlType="submit" loading={save.isPending}>提交评价</Button></Space>
    </Form>
  );
}

export function VoidEvidenceDialog({ promiseId, evidence, open, onClose }: { promiseId: string; evidence: { id: string; version: number; note: string } | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const save = useApiMutation((v: { reason: string }) => api.post(`/api/promises/${promiseId}/evidence/${evidence!.id}/void`, { version: evidence!.version, reason: v.reason }), {
    invalidate: [pkeys.all], success: '已作废该佐证（记录保留）', onSuccess: onClose,
  });
  return (
    <Modal open={open} title="作废佐证" onCancel={onClose} okText="作废" okButtonProps={{ danger: true }} confirmLoading={save.isPending} onOk={async () => save.mutate(await form.validateFields())} destroyOnHidden>
      <Typography.Paragraph type="secondary">{evidence?.note}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="作废原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请写明原因' }]}><Input maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 进度来源: link the promise to the one place its progress is kept (a key project, one of its milestones, a
 * year's greening target or a park facility), or unlink it. Linked, progress is no longer entered on the promise.
 */
export function SourceDialog({ p, open, onClose }: DialogProps) {
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as SourceKind | 'none' | undefined;
  const projectId = Form.useWatch('projectId', form) as string | undefined;
  const opts = useQuery({ queryKey: [...pkeys.all, 'source-options', p.id], queryFn: () => api.get<SourceOptions>(`/api/promises/${p.id}/source-options`), enabled: open });
  useEffect(() => {
    if (!open) return;
    const s = p.source;
    form.setFieldsValue({
      kind: s?.kind ?? 'none', note: '',
      projectId: s?.kind === 'project' ? s.id : s?.kind === 'milestone' ? p.project?.id : undefined,
      milestoneId: s?.kind === 'milestone' ? s.id : undefined, greeningId: s?.kind === 'greening' ? s.id : undefined, facilityId: s?.kind === 'facility' ? s.id : undefined,
    });
  }, [open, p, form]);
  const save = useApiMutation((v: Record<string, any>) => {
    const id = v.kind === 'project' ? v.projectId : v.kind === 'milestone' ? v.milestoneId : v.kind === 'greening' ? v.greeningId : v.kind === 'facility' ? v.facilityId : null;
    return api.put(`/api/promises/${p.id}/source`, { version: p.version, source: v.kind === 'none' ? null : { kind: v.kind, id }, note: v.note || undefined });
  }, { invalidate: [pkeys.all], success: '进度来源已保存', onSuccess: onClose });
  const o = opts.data;
  const project = o?.projects.find((x) => x.id === projectId);
  return (
    <Modal open={open} title="进度来源" onCancel={onClose} okText="保存" confirmLoading={save.isPending} onOk={async () => save.mutate(await form.validateFields())} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        关联后，该承诺的进度、状态和完成日期取自所选来源（一处填报，处处一致），不再在承诺上另行填报；解除关联后从当前数值起由责任单位填报。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="来源" name="kind" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={[
            { value: 'none', label: '不关联' }, { value: 'project', label: '重点项目' }, { value: 'milestone', label: '项目里程碑' },
            { value: 'greening', label: '绿化目标' }, { value: 'facility', label: '园区设施' },
          ]} />
        </Form.Item>
        {(kind === 'project' || kind === 'milestone') && (
          <Form.Item label="重点项目" name="projectId" rules={[{ required: true, message: '请选择项目' }]}>
            <Select loading={opts.isLoading} showSearch optionFilterProp="label" data-testid="source-project"
              options={o?.projects.map((x) => ({ value: x.id, label: `${x.name}（${x.statusLabel}，进度 ${x.progress}%）` }))} onChange={() => form.setFieldValue('milestoneId', undefined)} />
          </Form.Item>
        )}
        {kind === 'milestone' && (
          <Form.Item label="里程碑" name="milestoneId" rules={[{ required: true, message: '请选择里程碑' }]}>
            <Select data-testid="source-milestone" disabled={!project} options={project?.milestones.map((m) => ({ value: m.id, label: `${m.name}（计划 ${m.targetDate}${m.achievedOn ? `，已于 ${m.achievedOn} 达成` : ''}）` }))} />
          </Form.Item>
        )}
        {kind === 'greening' && (
          <Form.Item label="年度绿化目标" name="greeningId" rules={[{ required: true, message: '请选择年度' }]}>
            <Select loading={opts.isLoading} options={o?.greening.map((g) => ({ value: g.id, label: `${g.year} 年：已完成 ${g.achievedM2.toLocaleString('zh-CN')} / ${g.targetM2.toLocaleString('zh-CN')} m²` }))} />
          </Form.Item>
        )}
        {kind === 'facility' && (
          <Form.Item label="园区设施" name="facilityId" rules={[{ required: true, message: '请选择设施' }]}>
            <Select loading={opts.isLoading} options={o?.facilities.map((f) => ({ value: f.id, label: `${f.name}（${f.statusLabel}）` }))} />
          </Form.Item>
        )}
        <Form.Item label="说明（可选）" name="note" rules={[{ max: 500 }]}><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
