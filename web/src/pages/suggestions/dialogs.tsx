import { useEffect } from 'react';
import { Alert, AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { SUGGESTION_CATEGORIES, SUGGESTION_KINDS, SUPERVISION_KINDS, SUPERVISION_KIND_LABELS } from './labels';
import type { z } from 'zod';
import type { AssignPreview } from '../../../../server/modules/suggestions/assign-preview';
import { api, qs } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import { keys, unitOptions, useHandlingUnits } from './data';
import { ExplanationLines } from './components';
import type { Assignment, ExtensionRequest, SuggestionDetail } from './types';

const today = () => dayjs().format('YYYY-MM-DD');
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
export const categoryOptions = SUGGESTION_CATEGORIES.map((c) => ({ value: c }));
export const kindOptions = SUGGESTION_KINDS.map((k) => ({ value: k, label: k }));

interface DialogProps { s: SuggestionDetail; open: boolean; onClose: () => void }

/** 不予立案: a reason is required and will be shown to the deputies. */
export function NotAdmitDialog({ s, open, onClose }: DialogProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const m = useApiMutation((reason: string) => api.post(`/api/suggestions/${s.id}/not-admit`, { version: s.version, reason }), { invalidate: [keys.all], success: '已决定不予立案', onSuccess: onClose });
  return (
    <Modal open={open} title="不予立案" onCancel={onClose} okText="确定不予立案" okButtonProps={{ danger: true }} confirmLoading={m.isPending}
      onOk={async () => m.mutate((await form.validateFields()).reason)} forceRender>
      <Typography.Paragraph type="secondary">不予立案的理由将告知领衔代表和附议代表。</Typography.Paragraph>
      <Form form={form} name="notAdmit" layout="vertical">
        <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写不予立案理由' }, { min: 4, message: '理由至少 4 个字' }, { max: 500, message: '理由不能超过 500 个字' }]}>
          <Input.TextArea rows={4} placeholder="如：所提事项属于司法机关职权范围，建议转为来信办理。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Preview = z.infer<typeof AssignPreview>;

function PreviewLine({ label, value }: { label: string; value: Preview['replyDue'] }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text>{label}：</Typography.Text><Typography.Text strong>{formatDateCn(value.date)}</Typography.Text>
      {value.provisional && <Typography.Text type="warning">（暂按周末推算）</Typography.Text>}
      <ExplanationLines lines={value.lines} />
    </div>
  );
}

/** 交办: one lead unit and any co-units, with the due dates the rule set gives and how they are computed. */
export function AssignDialog({ s, open, onClose }: DialogProps) {
  const [form] = Form.useForm<{ leadUnitId: string; coUnitIds: string[]; assignedOn: Dayjs }>();
  const units = useHandlingUnits();
  const assignedOn = Form.useWatch('assignedOn', form);
  const lead = Form.useWatch('leadUnitId', form);
  const on = assignedOn ? iso(assignedOn) : undefined;
  const preview = useQuery({
    queryKey: ['suggestions', 'assign-preview', s.id, on],
    queryFn: () => api.get<Preview>(`/api/suggestions/${s.id}/assign-preview${qs({ assignedOn: on })}`),
    enabled: open && !!on,
    retry: false,
  });
  useEffect(() => { if (open) form.setFieldsValue({ assignedOn: dayjs(), coUnitIds: [] }); }, [open, form]);
  const m = useApiMutation((b: { leadUnitId: string; coUnitIds: string[]; assignedOn: string }) => api.post(`/api/suggestions/${s.id}/assign`, { version: s.version, ...b }), {
    invalidate: [keys.all], success: '已交办，承办单位将收到通知', onSuccess: onClose,
  });
  const p = preview.data;
  return (
    <Modal open={open} title={`交办：${s.title}`} onCancel={onClose} okText="交办" confirmLoading={m.isPending} width={720} forceRender
      onOk={async () => { const v = await form.validateFields(); m.mutate({ leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [], assignedOn: iso(v.assignedOn) }); }}>
      <Form form={form} name="assign" layout="vertical">
        <Form.Item label="主办单位" name="leadUnitId" rules={[{ required: true, message: '请选择主办单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units.data)} placeholder="选择一个主办单位" loading={units.isLoading} />
        </Form.Item>
        <Form.Item label="协办单位" name="coUnitIds" extra="协办单位在期限内向主办单位提出协办意见，由主办单位汇总答复。">
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units.data).filter((o) => o.value !== lead)} placeholder="可多选，可不选" />
        </Form.Item>
        <Form.Item label="交办日期" name="assignedOn" rules={[{ required: true, message: '请选择交办日期' }]} extra="默认今天；交办会在前几天召开的，可填写实际交办日期（不能晚于今天）。">
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
      <div style={{ background: '#fafafa', padding: 12, borderRadius: 4 }} data-testid="assign-preview">
        {preview.isLoading && <Typography.Text type="secondary">正在计算期限…</Typography.Text>}
        {preview.error && <Typography.Text type="danger">{(preview.error as Error).message}</Typography.Text>}
        {p && (
          <>
            <Typography.Paragraph strong>按“{p.ruleSet.name}”，{formatDateCn(p.assignedOn)}交办的期限：</Typography.Paragraph>
            <PreviewLine label="答复期限" value={p.replyDue} />
            <PreviewLine label="最长期限（经批准延期不得超过）" value={p.hardDue} />
            <PreviewLine label="退办期限" value={p.returnDue} />
            <PreviewLine label="协办意见期限" value={p.opinionDue} />
          </>
        )}
      </div>
    </Modal>
  );
}

/** 申请退办 (within the window). */
export function ReturnRequestDialog({ s, assignment, open, onClose }: DialogProps & { assignment: Assignment | undefined }) {
  const [form] = Form.useForm<{ reason: string }>();
  const m = useApiMutation((reason: string) => api.post(`/api/assignments/${assignment!.id}/return-request`, { version: assignment!.version, reason }), {
    invalidate: [keys.all], success: '退办申请已提交，等待交办方决定', onSuccess: onClose,
  });
  if (!assignment) return null;
  return (
    <Modal open={open} title="申请退办" onCancel={onClose} okText="提交退办申请" confirmLoading={m.isPending} forceRender
      onOk={async () => m.mutate((await form.validateFields()).reason)}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title={<>退办须在 <b>{formatDateCn(assignment.returnDue.date)}</b> 前（含当日）提出，并说明理由；交办方同意后改交其他单位。</>}
        description={<ExplanationLines lines={assignment.returnDue.lines} />} />
      <Typography.Paragraph>建议：{s.title}（本单位为{assignment.roleLabel}单位）</Typography.Paragraph>
      <Form form={form} name="returnRequest" layout="vertical">
        <Form.Item label="退办理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退办理由' }, { min: 4, message: '理由至少 4 个字' }, { max: 1000, message: '理由不能超过 1000 个字' }]}>
          <Input.TextArea rows={4} placeholder="说明该建议不属于本单位职责的依据，并建议改交的单位。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The organizer decides a return: refuse, or approve (a lead unit's return needs the unit that takes it over). */
export function ReturnDecisionDialog({ s, assignment, open, onClose }: DialogProps & { assignment: Assignment | undefined }) {
  const [form] = Form.useForm<{ approve: boolean; newUnitId?: string; note?: string }>();
  const units = useHandlingUnits();
  const approve = Form.useWatch('approve', form);
  useEffect(() => { if (open) form.setFieldsValue({ approve: true, newUnitId: undefined, note: '' }); }, [open, form]);
  const m = useApiMutation((b: object) => api.post(`/api/assignments/${assignment!.id}/return-decision`, { version: assignment!.version, ...b }), {
    invalidate: [keys.all], success: '已作出退办决定', onSuccess: onClose,
  });
  if (!assignment) return null;
  const taken = new Set(s.assignments.filter((a) => a.state !== 'returned').map((a) => a.unit.id));
  return (
    <Modal open={open} title={`退办申请：${assignment.unit.name}（${assignment.roleLabel}）`} onCancel={onClose} okText="确定" confirmLoading={m.isPending} forceRender
      onOk={async () => { const v = await form.validateFields(); m.mutate({ approve: v.approve, ...(v.newUnitId ? { newUnitId: v.newUnitId } : {}), note: v.note?.trim() || null }); }}>
      <Typography.Paragraph><b>退办理由：</b>{assignment.returnReason}</Typography.Paragraph>
      <Form form={form} name="returnDecision" layout="vertical">
        <Form.Item name="approve" label="决定"><Radio.Group options={[{ value: true, label: '同意退办' }, { value: false, label: '不同意，继续由该单位办理' }]} /></Form.Item>
        {approve && (
          <Form.Item label={assignment.role === 'lead' ? '改交主办单位' : '改交协办单位（可不选）'} name="newUnitId"
            rules={assignment.role === 'lead' ? [{ required: true, message: '同意主办单位退办时，须指定新的主办单位' }] : []}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units.data).filter((o) => !taken.has(o.value))} />
          </Form.Item>
        )}
        <Form.Item label="说明" name="note" rules={[{ max: 500, message: '说明不能超过 500 个字' }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 申请延期: up to the hard deadline. */
export function ExtensionRequestDialog({ s, open, onClose }: DialogProps) {
  const [form] = Form.useForm<{ requestedDue: Dayjs; reason: string }>();
  const m = useApiMutation((b: { requestedDue: string; reason: string }) => api.post(`/api/suggestions/${s.id}/extension-requests`, b), {
    invalidate: [keys.all], success: '延期申请已提交，等待交办方审核', onSuccess: onClose,
  });
  const hard = s.deadlines.hardDue?.date;
  const current = s.dueDate;
  return (
    <Modal open={open} title="申请延期答复" onCancel={onClose} okText="提交申请" confirmLoading={m.isPending} forceRender
      onOk={async () => { const v = await form.validateFields(); m.mutate({ requestedDue: iso(v.requestedDue), reason: v.reason }); }}>
      <Typography.Paragraph>
        当前答复期限 <b>{formatDateCn(current)}</b>{hard && <>，最长不得超过 <b>{formatDateCn(hard)}</b></>}。按规定，三个月内不能办结的，应先向代表说明情况。
      </Typography.Paragraph>
      <Form form={form} name="extensionRequest" layout="vertical">
        <Form.Item label="申请延至" name="requestedDue" rules={[{ required: true, message: '请选择申请延至的日期' }]}>
          <DatePicker disabledDate={(d) => (current ? d.isBefore(dayjs(current).add(1, 'day'), 'day') : d.isBefore(dayjs(), 'day')) || (hard ? d.isAfter(dayjs(hard), 'day') : false)} />
        </Form.Item>
        <Form.Item label="延期理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }, { min: 4, message: '理由至少 4 个字' }, { max: 1000, message: '理由不能超过 1000 个字' }]}>
          <Input.TextArea rows={4} placeholder="如：所涉学校项目预计年底主体封顶，需待进度明确后答复。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ExtensionDecisionDialog({ s, request, open, onClose }: DialogProps & { request: ExtensionRequest | undefined }) {
  const [form] = Form.useForm<{ approve: boolean; decidedDue?: Dayjs; note?: string }>();
  const approve = Form.useWatch('approve', form);
  useEffect(() => { if (open && request) form.setFieldsValue({ approve: true, decidedDue: dayjs(request.requestedDue), note: '' }); }, [open, request, form]);
  const m = useApiMutation((b: object) => api.post(`/api/extension-requests/${request!.id}/decision`, { version: request!.version, ...b }), {
    invalidate: [keys.all], success: '已审核延期申请', onSuccess: onClose,
  });
  if (!request) return null;
  const hard = s.deadlines.hardDue?.date;
  return (
    <Modal open={open} title={`审核延期申请：${request.unitName}`} onCancel={onClose} okText="确定" confirmLoading={m.isPending} forceRender
      onOk={async () => { const v = await form.validateFields(); m.mutate({ approve: v.approve, ...(v.approve && v.decidedDue ? { decidedDue: iso(v.decidedDue) } : {}), note: v.note?.trim() || null }); }}>
      <Typography.Paragraph>申请延至 <b>{formatDateCn(request.requestedDue)}</b>；理由：{request.reason}</Typography.Paragraph>
      {hard && <Typography.Paragraph type="secondary">最长期限：{formatDateCn(hard)}（批准的期限不得晚于此日）</Typography.Paragraph>}
      <Form form={form} name="extensionDecision" layout="vertical">
        <Form.Item name="approve" label="决定"><Radio.Group options={[{ value: true, label: '同意延期' }, { value: false, label: '不同意' }]} /></Form.Item>
        {approve && <Form.Item label="批准延至" name="decidedDue" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(d) => (hard ? d.isAfter(dayjs(hard), 'day') : false)} /></Form.Item>}
        <Form.Item label="审核意见" name="note" rules={[{ max: 500, message: '审核意见不能超过 500 个字' }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function SupervisionDialog({ s, open, onClose }: DialogProps) {
  const [form] = Form.useForm<{ kind: string; happenedOn: Dayjs; note: string }>();
  useEffect(() => { if (open) form.setFieldsValue({ kind: 'reminder', happenedOn: dayjs(), note: '' }); }, [open, form]);
  const m = useApiMutation((b: object) => api.post(`/api/suggestions/${s.id}/supervision-actions`, b), { invalidate: [keys.all], success: '督办情况已登记', onSuccess: onClose });
  return (
    <Modal open={open} title="登记督办情况" onCancel={onClose} okText="登记" confirmLoading={m.isPending} forceRender
      onOk={async () => { const v = await form.validateFields(); m.mutate({ kind: v.kind, happenedOn: iso(v.happenedOn), note: v.note }); }}>
      <Form form={form} name="supervision" layout="vertical">
        <Form.Item label="督办方式" name="kind" rules={[{ required: true }]}>
          <Select options={SUPERVISION_KINDS.map((k) => ({ value: k, label: SUPERVISION_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="日期" name="happenedOn" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
        <Form.Item label="督办情况" name="note" rules={[{ required: true, whitespace: true, message: '请填写督办情况' }, { min: 2, message: '至少 2 个字' }, { max: 2000, message: '不能超过 2000 个字' }]}>
          <Input.TextArea rows={4} placeholder="如：会同代表赴米山工业园实地查看职工餐厅和绿化工程。" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Edits the registered facts of a suggestion (version-checked). */
export function EditSuggestionDialog({ s, open, onClose, organizer }: DialogProps & { organizer: boolean }) {
  const [form] = Form.useForm<{ number?: number; title: string; category: string; kind: string; body: string }>();
  useEffect(() => { if (open) form.setFieldsValue({ number: s.number ?? undefined, title: s.title, category: s.category, kind: s.kind, body: s.body }); }, [open, s, form]);
  const m = useApiMutation((b: object) => api.patch(`/api/suggestions/${s.id}`, { version: s.version, ...b }), { invalidate: [keys.all], success: '已保存', onSuccess: onClose });
  return (
    <Modal open={open} title="修改建议" onCancel={onClose} okText="保存" confirmLoading={m.isPending} width={760} forceRender
      onOk={async () => { const v = await form.validateFields(); m.mutate({ ...v, number: v.number ?? undefined }); }}>
      <Form form={form} name="editSuggestion" layout="vertical"><SuggestionFields organizer={organizer} /></Form>
    </Modal>
  );
}

/** The fields a suggestion is registered with (shared by the register form and the edit dialog). */
export function SuggestionFields({ organizer }: { organizer: boolean }) {
  return (
    <>
      <Space wrap align="start">
        {organizer && <Form.Item label="编号" name="number" tooltip="届次内唯一；不填则立案时自动取下一个编号"><InputNumber min={1} max={99999} style={{ width: 120 }} placeholder="187" /></Form.Item>}
        <Form.Item label="类别" name="category" rules={[{ required: true, whitespace: true, message: '请填写类别' }, { max: 20, message: '类别不能超过 20 个字' }]}>
          <AutoComplete options={categoryOptions} style={{ width: 180 }} placeholder="营商环境" filterOption={(i, o) => !i || String(o?.value).includes(i)} />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[{ required: true }]}><Select options={kindOptions} style={{ width: 140 }} /></Form.Item>
      </Space>
      <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { min: 5, message: '标题至少 5 个字' }, { max: 100, message: '标题不能超过 100 个字' }]}>
        <Input placeholder="关于……的建议" />
      </Form.Item>
      <Form.Item label="内容" name="body" rules={[{ required: true, whitespace: true, message: '请填写内容' }, { min: 10, message: '内容至少 10 个字' }, { max: 20000, message: '内容不能超过 20000 个字' }]}>
        <Input.TextArea rows={10} showCount maxLength={20000} placeholder="问题与现状、原因分析、具体建议" />
      </Form.Item>
    </>
  );
}

export { today };
