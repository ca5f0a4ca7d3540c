import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Steps, Tag, Typography, Upload } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiMutation } from '../../lib/useApiMutation';
import ReplyDocumentActions from './ReplyDocumentActions';
import { cnOrdinal, type ImportPreview, type ImportResult } from './types';

const MAX_BYTES = 10 * 1024 * 1024;
const CATEGORIES = ['经济发展', '城乡建设', '交通运输', '教育科技', '医疗卫生', '社会保障', '生态环境', '营商环境', '农业农村', '社会治理', '其他'];
const SATISFACTION = [{ value: '', label: '未评价' }, { value: 'satisfied', label: '满意' }, { value: 'basically_satisfied', label: '基本满意' }, { value: 'dissatisfied', label: '不满意' }];

interface FormValues {
  unitId?: string;
  /** The person has checked the fields marked unsure. */
  checked?: boolean;
  issuingOrgan?: string;
  docNumber?: string;
  congress: '人大' | '政协';
  session: string;
  sessionDate?: Dayjs;
  suggestionNumber: number;
  kind: '建议' | '议案转建议' | '提案';
  category: string;
  proposers: string[];
  subject: string;
  intro?: string;
  points: Array<{ heading?: string; text?: string }>;
  closing?: string;
  replyClass?: string;
  date: Dayjs;
  contactPerson?: string;
  contactPhone?: string;
  state: 'closed' | 'awaiting_feedback';
  ratings?: Record<string, string>;
}

type Field = keyof ImportPreview['parsed']['confidence'];

/**
 * The warning state of a field the parser was unsure of, or did not find, with its reason — until the person
 * changes the value (then it is theirs).
 */
const FIELD_NAMES: Record<Field, string> = {
  docNumber: '发文字号', issuingOrgan: '发文机关', title: '标题', congress: '人大/政协', session: '届次', suggestionNumber: '编号',
  proposers: '提出人', subject: '建议标题', points: '答复要点', replyClass: '办理结果分类', date: '成文日期', contactPerson: '联系人',
  contactPhone: '联系电话',
};

function checkOf(p: ImportPreview, field: Field, changed: boolean, extra?: ReactNode) {
  const c = p.parsed.confidence?.[field];
  if (!c || c.level === 'sure' || !c.reason || changed) return extra === undefined ? {} : { extra };
  return { validateStatus: 'warning' as const, help: c.level === 'unsure' ? `待核对：${c.reason}` : c.reason, extra, hasFeedback: true };
}

function valuesOf(p: ImportPreview, unitId: string | undefined): FormValues {
  const x = p.parsed;
  return {
    unitId, issuingOrgan: x.issuingOrgan ?? undefined, docNumber: x.docNumber ?? undefined, congress: x.congress ?? '人大', session: x.session ?? '',
    suggestionNumber: x.suggestionNumber ?? (undefined as unknown as number), kind: x.congress === '政协' ? '提案' : '建议', category: '其他',
    proposers: x.proposers, subject: x.subject ?? '',
    // Without numbered points the body stays whole in the intro, for a person to split if wanted.
    intro: p.intro ?? undefined,
    points: x.points.map((pt) => ({ heading: pt.heading ?? '', text: pt.text })), closing: p.closing ?? undefined, replyClass: x.replyClass ?? undefined,
    date: x.date ? dayjs(x.date) : (undefined as unknown as Dayjs), contactPerson: x.contactPerson ?? undefined, contactPhone: x.contactPhone ?? undefined,
    state: 'closed', ratings: {},
  };
}

const titleOf = (v: Partial<FormValues>) => {
  if (!v.session || !v.suggestionNumber) return '（填写届次和编号后生成）';
  return `关于市${v.congress === '政协' ? '政协' : '人大'}${v.session}会议第${v.suggestionNumber}号${v.kind === '提案' ? '提案' : '建议'}的答复`;
};

/** 导入答复: upload an existing reply, check and correct what was read, and bring it in as a suggestion with its reply. */
export default function ImportReplyPage() {
  const me = useMe();
  const unitStaff = me.user.role === 'unit_staff';
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  /** Fields the person has edited since the preview: their warnings are settled. */
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const check = (field: Field, extra?: ReactNode) => (preview ? checkOf(preview, field, changed.has(field), extra) : {});
  const unsure = preview ? (Object.keys(preview.parsed.confidence ?? {}) as Field[]).filter((f) => preview.parsed.confidence[f].level === 'unsure') : [];
  const watched = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const orgs = useQuery({ queryKey: ['org-units'], queryFn: () => api.get<Array<{ id: string; name: string; kind: string }>>('/api/org-units'), enabled: !unitStaff });

  const parse = useMutation({
    mutationFn: (file: File) => api.uploadFile<ImportPreview>('/api/documents/import/parse', file),
    onMutate: () => setUploadError(null),
    onSuccess: (p) => {
      setPreview(p);
      setChanged(new Set());
      form.resetFields();
      form.setFieldsValue(valuesOf(p, unitStaff ? me.user.orgUnitId ?? undefined : p.match.unit?.id));
    },
    onError: (e) => setUploadError(e instanceof ApiError ? e.message : '解析失败，请稍后再试'),
  });

  const confirm = useApiMutation((v: FormValues) => api.post<ImportResult>('/api/documents/import', {
    fileName: preview?.fileName ?? null,
    docNumber: v.docNumber?.trim() || null,
    issuingOrgan: v.issuingOrgan?.trim() || null,
    unitId: v.unitId ?? null,
    congress: v.congress,
    session: v.session.trim(),
    sessionDate: v.sessionDate ? v.sessionDate.format('YYYY-MM-DD') : null,
    suggestionNumber: v.suggestionNumber,
    kind: v.kind,
    category: v.category,
    proposers: v.proposers.map((s) => s.trim()).filter(Boolean),
    subject: v.subject.trim(),
    intro: v.intro?.trim() || null,
    points: (v.points ?? []).map((p) => ({ heading: p.heading?.trim() || null, text: p.text?.trim() ?? '' })).filter((p) => p.heading || p.text),
    closing: v.closing?.trim() || null,
    replyClass: v.replyClass?.trim() || null,
    date: v.date.format('YYYY-MM-DD'),
    contactPerson: v.contactPerson?.trim() || null,
    contactPhone: v.contactPhone?.trim() || null,
    state: v.state,
    ratings: v.state === 'closed' ? Object.entries(v.ratings ?? {}).filter(([n, s]) => s && v.proposers.includes(n)).map(([name, satisfaction]) => ({ name, satisfaction })) : [],
  }), { invalidate: [['doc-numbers'], ['suggestions']], onSuccess: (r) => setResult(r) });

  const restart = () => { setPreview(null); setResult(null); setUploadError(null); form.resetFields(); };
  const step = result ? 2 : preview ? 1 : 0;

  return (
    <Card title="导入已有答复">
      <Steps current={step} style={{ marginBottom: 24 }} items={[{ title: '上传文件' }, { title: '核对并更正' }, { title: '完成' }]} />

      {step === 0 && (
        <div style={{ maxWidth: 640 }}>
          <div data-testid="import-upload">
            <Upload.Dragger
              accept=".txt,.md,.docx" multiple={false} showUploadList={false}
              beforeUpload={(file) => {
                if (!/\.(txt|md|docx)$/i.test(file.name)) setUploadError('只能导入 .txt、.md 或 .docx 文件；.doc 请先另存为 .docx，扫描件请先转为文字');
                else if (file.size > MAX_BYTES) setUploadError('文件不能超过 10 MB');
                else parse.mutate(file);
                return false;
              }}
            >
              <p style={{ fontSize: 16, marginTop: 8 }}>{parse.isPending ? '正在读取……' : '点击或拖入一份答复（.txt、.md 或 .docx）'}</p>
              <p style={{ color: 'rgba(0,0,0,0.45)' }}>系统读出文号、届次、编号、代表、答复要点、日期和联系电话，由您核对更正后再导入</p>
            </Upload.Dragger>
          </div>
          {uploadError && <Alert type="error" showIcon style={{ marginTop: 16 }} title={uploadError} />}
        </div>
      )}

      {step === 1 && preview && (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={15}>
            {preview.warnings.length > 0 && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="请注意" data-testid="import-warnings"
                description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{preview.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />
            )}
            <Form form={form} layout="vertical" onFinish={(v) => confirm.mutate(v)} scrollToFirstError
              onValuesChange={(v) => setChanged((prev) => new Set([...prev, ...Object.keys(v)]))}>
              <Typography.Title level={5}>公文</Typography.Title>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item label="承办单位（主办）" name="unitId" rules={[{ required: true, message: '请选择承办单位' }]}
                    extra={preview.match.unit ? `按发文机关对应到：${preview.match.unit.name}` : '发文机关未对应到系统中的单位，请选择'}>
                    {unitStaff
                      ? <Select disabled options={[{ value: me.user.orgUnitId ?? '', label: me.user.orgUnitName ?? '本单位' }]} />
                      : <Select showSearch optionFilterProp="label" loading={orgs.isLoading} placeholder="选择单位"
                          options={orgs.data?.filter((o) => o.kind !== 'enterprise').map((o) => ({ value: o.id, label: o.name }))} />}
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="发文机关（原文）" name="issuingOrgan" {...check('issuingOrgan')}><Input maxLength={60} /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="发文字号" name="docNumber" {...check('docNumber')} extra={preview.match.docNumberTaken ? `${preview.match.docNumberTaken} 已在登记簿中，导入会被拒绝` : '导入时登记到发文字号登记簿（手工登记）'}
                    validateStatus={preview.match.docNumberTaken ? 'warning' : (check('docNumber') as { validateStatus?: 'warning' }).validateStatus}>
                    <Input maxLength={40} placeholder="如 高工信发〔2024〕37号" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="成文日期" name="date" {...check('date')} rules={[{ required: true, message: '请填写成文日期' }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="办理结果分类" name="replyClass" {...check('replyClass')}><Input maxLength={10} placeholder="如 A、B、甲类" /></Form.Item>
                </Col>
              </Row>

              <Typography.Title level={5}>建议</Typography.Title>
              <Row gutter={12}>
                <Col xs={12} md={6}>
                  <Form.Item label="人大 / 政协" name="congress" {...check('congress')} rules={[{ required: true }]}>
                    <Radio.Group optionType="button" options={['人大', '政协']} onChange={(e) => form.setFieldValue('kind', e.target.value === '政协' ? '提案' : '建议')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="届次" name="session" {...check('session')} rules={[{ required: true, pattern: /^[一二三四五六七八九十百]{1,4}届[一二三四五六七八九十]{1,3}次$/, message: '请写作简称，如 七届六次' }]}
                    extra={preview.match.session ? `已有届次：${preview.match.session.fullName}` : '尚未登记的届次将新建'}>
                    <Input maxLength={10} placeholder="七届六次" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="编号" name="suggestionNumber" {...check('suggestionNumber')} rules={[{ required: true, message: '请填写编号' }]}>
                    <InputNumber min={1} max={99999} style={{ width: '100%' }} addonBefore="第" addonAfter="号" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label="类别" name="kind"><Select options={['建议', '议案转建议', '提案'].map((k) => ({ value: k, label: k }))} /></Form.Item>
                </Col>
                {!preview.match.session && (
                  <Col xs={12} md={6}>
                    <Form.Item label="会议日期（新建届次用）" name="sessionDate"><DatePicker style={{ width: '100%' }} /></Form.Item>
                  </Col>
                )}
                <Col xs={12} md={6}>
                  <Form.Item label="领域" name="category"><Select options={CATEGORIES.map((c) => ({ value: c, label: c }))} /></Form.Item>
                </Col>
                <Col xs={24} md={preview.match.session ? 18 : 12}>
                  <Form.Item label="提出人（第一位为领衔）" name="proposers" {...check('proposers')} rules={[{ required: true, type: 'array', min: 1, message: '至少需要一位提出人' }]}>
                    <Select mode="tags" tokenSeparators={['、', '，', ',', ' ']} placeholder="输入姓名后回车" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="建议标题" name="subject" {...check('subject')} rules={[{ required: true, min: 2, message: '请填写建议标题' }]}><Input maxLength={200} /></Form.Item>
                </Col>
              </Row>
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[{ key: 't', label: '答复标题', children: <Typography.Text strong data-testid="import-title">{titleOf(watched ?? {})}</Typography.Text> }]} />

              <Typography.Title level={5}>答复正文</Typography.Title>
              <Form.Item label="开头语" name="intro"><Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} /></Form.Item>
              <Form.List name="points">
                {(fields, { add, remove, move }) => (
                  <Space orientation="vertical" style={{ width: '100%' }} size={12}>
                    {fields.map((f, i) => (
                      <Card key={f.key} size="small" data-testid="import-point"
                        title={<span>{cnOrdinal(i + 1)}、答复要点</span>}
                        extra={<Space size={4}>
                          <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>上移</Button>
                          <Button size="small" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>下移</Button>
                          <Button size="small" danger onClick={() => remove(i)}>删除</Button>
                        </Space>}>
                        <Form.Item name={[f.name, 'heading']} label="小标题" style={{ marginBottom: 8 }}><Input maxLength={200} placeholder="如：关于教育资源优势不明显的问题（可空）" /></Form.Item>
                        <Form.Item name={[f.name, 'text']} label="正文" style={{ marginBottom: 0 }}><Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} /></Form.Item>
                      </Card>
                    ))}
                    <Button type="dashed" block onClick={() => add({ heading: '', text: '' })}>添加答复要点</Button>
                  </Space>
                )}
              </Form.List>
              <Form.Item label="结束语" name="closing" style={{ marginTop: 16 }} extra="默认：以上答复你们是否满意，如有意见，敬请反馈。"><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /></Form.Item>
              <Row gutter={12}>
                <Col xs={12}><Form.Item label="联系人" name="contactPerson" {...check('contactPerson')}><Input maxLength={40} /></Form.Item></Col>
                <Col xs={12}><Form.Item label="联系电话" name="contactPhone" {...check('contactPhone')}><Input maxLength={40} /></Form.Item></Col>
              </Row>

              <Typography.Title level={5}>办理状态</Typography.Title>
              <Form.Item name="state">
                <Radio.Group options={[{ value: 'closed', label: '已办结（历史答复）' }, { value: 'awaiting_feedback', label: '已答复，待代表评价' }]} />
              </Form.Item>
              {watched?.state === 'closed' && (watched.proposers?.length ?? 0) > 0 && (
                <Form.Item label="代表评价（如原件有记录）" extra="未评价的留空">
                  <Space wrap>
                    {watched.proposers!.map((n) => (
                      <Space key={n} size={4}><span>{n}</span>
                        <Form.Item name={['ratings', n]} noStyle initialValue=""><Select style={{ width: 110 }} options={SATISFACTION} /></Form.Item>
                      </Space>
                    ))}
                  </Space>
                </Form.Item>
              )}
              {unsure.filter((f) => !changed.has(f)).length > 0 && (
                <Form.Item name="checked" valuePropName="checked" data-testid="import-checked"
                  rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请先核对标黄的字段，改正或确认无误后勾选'))) }]}>
                  <Checkbox>已核对标黄的字段（{unsure.filter((f) => !changed.has(f)).map((f) => FIELD_NAMES[f]).join('、')}）</Checkbox>
                </Form.Item>
              )}
              <Space>
                <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="import-confirm">确认导入</Button>
                <Button onClick={restart}>重新上传</Button>
              </Space>
            </Form>
          </Col>
          <Col xs={24} xl={9}>
            <Card size="small" title={`原文：${preview.fileName}`} style={{ position: 'sticky', top: 16 }}>
              <div style={{ whiteSpace: 'pre-wrap', maxHeight: '75vh', overflow: 'auto', fontSize: 13, lineHeight: 1.8 }} data-testid="import-text">{preview.text}</div>
            </Card>
          </Col>
        </Row>
      )}

      {step === 2 && result && (
        <Result
          status="success" title="已导入" subTitle={result.title} data-testid="import-result"
          extra={[
            <Link key="s" to={`/suggestions/${result.suggestionId}`}><Button type="primary">查看建议与答复</Button></Link>,
            <Button key="again" onClick={restart}>继续导入</Button>,
          ]}
        >
          <Descriptions size="small" column={1} bordered items={[
            { key: 'unit', label: '承办单位', children: result.unitName },
            { key: 'doc', label: '发文字号', children: result.docNumber ? <Tag color="red">{result.docNumber}（已登记）</Tag> : '原件无文号（可在下方取号）' },
            { key: 'session', label: '届次', children: result.sessionCreated ? <Tag color="blue">新建</Tag> : '已有' },
            { key: 'deputies', label: '新建代表', children: result.deputiesCreated.length ? result.deputiesCreated.join('、') : '无（均已在册）' },
            { key: 'state', label: '状态', children: result.state === 'closed' ? '已办结' : '已答复，待评价' },
            { key: 'file', label: '答复件', children: <ReplyDocumentActions replyId={result.replyId} compact /> },
          ]} />
        </Result>
      )}
    </Card>
  );
}
