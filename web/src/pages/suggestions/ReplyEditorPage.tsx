import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Collapse, DatePicker, Empty, Form, Input, Modal, Radio, Result, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { formatDateCn, formatInstant } from '../../lib/format';
import { keys, unitOptions, useHandlingUnits, useSuggestion } from './data';
import { ClockTag, ExplainedDateView, ReplyDocument, StateTag, cnOrdinal, suggestionNo, useReplyTitle } from './components';
import { ConflictPanel, type Theirs } from './ReplyConflict';
import type { Reply, SuggestionDetail } from './types';
import { DEFAULT_CLOSING, HEADER_FIELDS, PHONE, headerValue, pointBody, samePoint, toDraft, toPointDraft, type PointDraft, type ReplyDraft } from './replyDraft';

/** Every reply route answers with the whole suggestion; this is the reply in it. */
const replyIn = (d: SuggestionDetail | undefined, replyId: string) => d?.replies?.find((r) => r.id === replyId);

export default function ReplyEditorPage() {
  const { id = '' } = useParams();
  const q = useSuggestion(id);
  if (q.isLoading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  if (q.error || !q.data) return <Result status="error" title={(q.error as Error | null)?.message ?? '无法加载该建议'} extra={<Link to="/">返回工作台</Link>} />;
  const s = q.data;
  const reply = s.replies.find((r) => r.round === s.round && r.state === 'draft');
  if (!s.actions.includes('edit_reply') || !reply) {
    return <Result status="info" title="当前不能编辑答复" subTitle={s.replies.some((r) => r.round === s.round && r.state === 'submitted') ? '本轮答复已提交，正在等待代表评价。' : '只有主办单位在签收后、提交前可以编辑本轮答复。'} extra={<Link to={`/suggestions/${s.id}`}>返回建议详情</Link>} />;
  }
  return <Editor key={reply.id} s={s} initial={reply} />;
}

function Editor({ s, initial }: { s: SuggestionDetail; initial: Reply }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const units = useHandlingUnits();
  const [form] = Form.useForm<ReplyDraft>();
  /** The server's reply as it was when the form was last in step with it. */
  const [base, setBase] = useState<Reply>(initial);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [theirs, setTheirs] = useState<Theirs | null>(null);

  // Fill the form once. Later refetches of the suggestion must never overwrite what is being typed; the form
  // is reset only by a successful save or by the person choosing the other version after a conflict.
  const filled = useRef(false);
  useEffect(() => {
    if (filled.current) return;
    filled.current = true;
    form.setFieldsValue(toDraft(initial));
  }, [form, initial]);

  // Never lose what was typed: ask before leaving with unsaved changes.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    Modal.confirm({ title: '答复有未保存的修改', content: '离开后未保存的内容将丢失。确定离开？', okText: '离开', cancelText: '留下继续编辑', onOk: () => blocker.proceed(), onCancel: () => blocker.reset() });
  }, [blocker]);
  useEffect(() => {
    const h = (e: BeforeUnloadEvent) => { if (dirty) { e.preventDefault(); } };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  const fetchServerReply = useCallback(async (): Promise<{ detail: SuggestionDetail; reply: Reply | undefined }> => {
    const detail = await qc.fetchQuery({ queryKey: keys.detail(s.id), queryFn: () => api.get<SuggestionDetail>(`/api/suggestions/${s.id}`), staleTime: 0 });
    return { detail, reply: detail.replies.find((r) => r.id === base.id) };
  }, [qc, s.id, base.id]);

  /** Writes the form to the server: header, removed, changed and new points, then the order. */
  const save = useCallback(async (opts: { quiet?: boolean; base?: Reply } = {}): Promise<boolean> => {
    let values: ReplyDraft;
    try { values = await form.validateFields(); } catch { message.error('请先补全标红的内容'); return false; }
    setSaving(true);
    const b = opts.base ?? base;
    try {
      const header: Record<string, string | null> = {};
      const current = toDraft(b);
      for (const f of HEADER_FIELDS) if (headerValue(values, f) !== headerValue(current, f)) header[f] = headerValue(values, f);
      if (Object.keys(header).length) await api.patch(`/api/replies/${b.id}`, { version: b.version, ...header });
      const keep = new Set(values.points.map((p) => p.id).filter(Boolean));
      for (const p of b.points) if (!keep.has(p.id)) await api.delete(`/api/reply-points/${p.id}?version=${p.version}`);
      const known = new Set(b.points.map((p) => p.id));
      const points = [...values.points];
      for (let i = 0; i < points.length; i++) {
        const p = points[i];
        if (p.id) {
          const was = b.points.find((x) => x.id === p.id);
          if (was && !samePoint(p, was)) {
            const r = await api.patch<SuggestionDetail>(`/api/reply-points/${p.id}`, { version: p.version, ...pointBody(p) });
            const updated = replyIn(r, b.id)?.points.find((x) => x.id === p.id);
            points[i] = { ...p, version: updated?.version ?? (p.version ?? 0) + 1 };
            form.setFieldValue(['points', i, 'version'], points[i].version);
          }
        } else {
          const r = await api.post<SuggestionDetail>(`/api/replies/${b.id}/points`, pointBody(p));
          const created = replyIn(r, b.id)?.points.find((x) => !known.has(x.id));
          if (created) {
            known.add(created.id);
            points[i] = { ...p, id: created.id, version: created.version };
            form.setFieldValue(['points', i, 'id'], created.id);
            form.setFieldValue(['points', i, 'version'], created.version);
          }
        }
      }
      let { reply: server } = await fetchServerReply();
      const wanted = points.map((p) => p.id).filter((x): x is string => !!x);
      if (server && wanted.join() !== server.points.map((p) => p.id).join() && wanted.length === server.points.length) {
        await api.put(`/api/replies/${b.id}/point-order`, { pointIds: wanted });
        ({ reply: server } = await fetchServerReply());
      }
      if (server) { setBase(server); form.setFieldsValue(toDraft(server)); }
      setDirty(false);
      await qc.invalidateQueries({ queryKey: keys.all });
      if (!opts.quiet) message.success('草稿已保存');
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const { reply: server } = await fetchServerReply().catch(() => ({ reply: undefined }));
        // Keep everything typed in the form; show the other person's version beside it.
        if (server) setTheirs({ reply: server, loadedPointIds: b.points.map((p) => p.id), message: e.message });
        else message.error(e.message);
      } else message.error(e instanceof ApiError ? e.message : '保存失败，请稍后再试');
      return false;
    } finally {
      setSaving(false);
    }
  }, [base, form, message, fetchServerReply, qc]);

  const submit = async () => {
    let values: ReplyDraft;
    try { values = await form.validateFields(); } catch { message.error('请先补全标红的内容'); return; }
    const missing = [
      !values.points.length && '至少一条答复要点',
      !values.classCode && '办理结果分类',
      !values.signer.trim() && '签发人',
      !values.contactPerson.trim() && '联系人',
      !values.contactPhone.trim() && '联系电话',
    ].filter(Boolean) as string[];
    if (missing.length) { Modal.warning({ title: '答复还不完整', content: `请填写：${missing.join('、')}。` }); return; }
    Modal.confirm({
      title: `提交第${s.round}轮答复？`,
      width: 520,
      content: (
        <div>
          <p>共 {values.points.length} 条答复要点，办理结果分类 {values.classCode}，签发人 {values.signer}。</p>
          <p>提交后不能再修改；答复将送达{s.signers.filter((x) => x.status === 'accepted').map((x) => x.name).join('、')}代表，由每位代表分别评价。</p>
        </div>
      ),
      okText: '确认提交',
      onOk: async () => {
        if (dirty && !(await save({ quiet: true }))) return;
        const { reply } = await fetchServerReply();
        try {
          await api.post(`/api/replies/${base.id}/submit`, { version: reply?.version ?? base.version });
          setDirty(false);
          await qc.invalidateQueries({ queryKey: keys.all });
          message.success('答复已提交，等待代表评价');
          setTimeout(() => navigate(`/suggestions/${s.id}`), 0);
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : '提交失败，请稍后再试');
        }
      },
    });
  };

  const previous = s.replies.filter((r) => r.round < s.round && r.state === 'submitted').sort((a, b) => b.round - a.round);
  const lastRound = previous[0];
  const coUnits = s.assignments.filter((a) => a.role === 'co' && a.state !== 'returned');
  const orgOptions = useMemo(() => unitOptions(units.data), [units.data]);
  const pointCount = (Form.useWatch('points', form) ?? []).length;
  const replyTitle = useReplyTitle(s);

  const copyPrevious = () => {
    if (!lastRound) return;
    const pts = form.getFieldValue('points') as PointDraft[];
    form.setFieldValue('points', [...pts, ...lastRound.points.map((p) => ({ ...toPointDraft(p), id: undefined, version: undefined }))]);
    setDirty(true);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text type="secondary"><Link to={`/suggestions/${s.id}`}>← {suggestionNo(s)}</Link></Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }}>起草答复{s.round > 1 ? `（第${s.round}轮，重新办理）` : ''}：{s.title}</Typography.Title>
          <Space wrap>
            <StateTag state={s.state} label={s.stateLabel} round={s.round} />
            <ClockTag clock={s.clock} withDate />
            <Typography.Text type="secondary">草稿最后保存：{formatInstant(base.updatedAt)}</Typography.Text>
            {dirty && <Tag color="orange">有未保存的修改</Tag>}
          </Space>
        </Space>
      </Card>

      {s.round > 1 && lastRound && <DeputyFeedback reply={lastRound} s={s} />}

      {theirs && (
        <ConflictPanel form={form} theirs={theirs} orgOptions={orgOptions}
          onResolved={(next, keepMine) => {
            setTheirs(null);
            setBase(next);
            if (!keepMine) { form.setFieldsValue(toDraft(next)); setDirty(false); message.info('已载入最新版本，您的修改已放弃'); }
            else { setDirty(true); void save({ base: next }); }
          }} />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Form form={form} name="reply" layout="vertical" onValuesChange={() => setDirty(true)} data-testid="reply-editor" scrollToFirstError>
            <Card title="文头与分类" size="small" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label="发文字号" name="docNumber" rules={[{ max: 40, message: '发文字号不能超过 40 个字' }]} extra="如：高工信发〔2024〕37号（六角括号，序号不编虚位）">
                    <Input placeholder="高工信发〔2024〕37号" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="答复日期" name="replyDate"><DatePicker style={{ width: '100%' }} placeholder="默认为提交当日" /></Form.Item>
                </Col>
              </Row>
              <Form.Item label="办理结果分类" name="classCode" extra={`分类方案取自“${s.ruleSet.name}”，标注在答复首页右上角。`}>
                <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                  options={s.ruleSet.classScheme.map((c) => ({ value: c.code, label: <span><Tag color="red">{c.code}</Tag>{c.label}</span> }))} />
              </Form.Item>
            </Card>

            <Card title="开头语" size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="intro" rules={[{ max: 5000, message: '开头语不能超过 5000 个字' }]} style={{ marginBottom: 0 }}>
                <Input.TextArea rows={4} placeholder={`关于你们提出的“${s.title}”已收悉。经过我们认真研究后，现答复如下：`} />
              </Form.Item>
            </Card>

            <Card title="逐条答复" size="small" style={{ marginBottom: 16 }}
              extra={lastRound && pointCount === 0 && <Button size="small" onClick={copyPrevious}>复制第{lastRound.round}轮要点</Button>}>
              <Form.List name="points">
                {(fields, { add, remove, move }) => (
                  <Space orientation="vertical" style={{ width: '100%' }} size="middle">
                    {fields.length === 0 && <Empty description="还没有答复要点。按代表所提问题逐条答复，每条写明责任单位。" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
                    {fields.map((field, i) => (
                      <Card key={field.key} size="small" type="inner" data-testid="point-editor"
                        title={<span>{cnOrdinal(i + 1)}、要点 {i + 1}</span>}
                        extra={(
                          <Space size={4}>
                            <Button size="small" aria-label={`上移第${i + 1}条`} disabled={i === 0} onClick={() => { move(i, i - 1); setDirty(true); }}>上移</Button>
                            <Button size="small" aria-label={`下移第${i + 1}条`} disabled={i === fields.length - 1} onClick={() => { move(i, i + 1); setDirty(true); }}>下移</Button>
                            <Button size="small" danger aria-label={`删除第${i + 1}条`} onClick={() => Modal.confirm({ title: `删除第${i + 1}条要点？`, content: '保存草稿后生效。', okText: '删除', okButtonProps: { danger: true }, onOk: () => { remove(i); setDirty(true); } })}>删除</Button>
                          </Space>
                        )}>
                        <Form.Item name={[field.name, 'id']} hidden><Input /></Form.Item>
                        <Form.Item name={[field.name, 'version']} hidden><Input /></Form.Item>
                        <Form.Item label="标题" name={[field.name, 'heading']} rules={[{ max: 200, message: '标题不能超过 200 个字' }]}>
                          <Input placeholder="如：关于教育资源优势不明显的问题" aria-label={`第${i + 1}条标题`} />
                        </Form.Item>
                        <Form.Item label="答复内容" name={[field.name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写答复内容' }, { max: 20000, message: '内容不能超过 20000 个字' }]}>
                          <Input.TextArea autoSize={{ minRows: 4, maxRows: 20 }} aria-label={`第${i + 1}条内容`} placeholder="现状、已做的工作、下一步措施及时限" />
                        </Form.Item>
                        <Form.Item label="责任单位" name={[field.name, 'responsibleOrgId']} style={{ marginBottom: 0 }}>
                          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={orgOptions} placeholder="负责落实该条的单位" aria-label={`第${i + 1}条责任单位`} />
                        </Form.Item>
                      </Card>
                    ))}
                    <Button type="dashed" block onClick={() => { add({ heading: '', text: '', responsibleOrgId: null }); setDirty(true); }}>＋ 添加一条答复要点</Button>
                  </Space>
                )}
              </Form.List>
            </Card>

            <Card title="结束语与署名" size="small" style={{ marginBottom: 16 }}>
              <Form.Item label="结束语" name="closing" rules={[{ required: true, whitespace: true, message: '请填写结束语' }, { max: 500, message: '结束语不能超过 500 个字' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={8}><Form.Item label="签发人" name="signer" rules={[{ max: 20, message: '签发人不能超过 20 个字' }]}><Input placeholder="单位主要负责人" /></Form.Item></Col>
                <Col xs={24} md={8}><Form.Item label="联系人" name="contactPerson" rules={[{ max: 20, message: '联系人不能超过 20 个字' }]}><Input /></Form.Item></Col>
                <Col xs={24} md={8}>
                  <Form.Item label="联系电话" name="contactPhone" rules={[{ pattern: PHONE, message: '电话号码格式不正确（手机 11 位，或固定电话如 0356-5241566、5241566）' }]} extra="请填单位办公电话；公开前会自动隐去个人手机号。">
                    <Input placeholder="5241566" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
              <Space wrap>
                <Button onClick={() => void save()} loading={saving} disabled={!!theirs}>保存草稿</Button>
                <Button type="primary" onClick={() => void submit()} disabled={saving || !!theirs}>提交答复</Button>
                <Button onClick={() => showPreview(form, s, base, replyTitle)}>预览</Button>
                {dirty ? <Typography.Text type="warning">有未保存的修改</Typography.Text> : <Typography.Text type="secondary">已保存</Typography.Text>}
              </Space>
            </Card>
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="协办单位意见" size="small" data-testid="co-opinions">
              {coUnits.length === 0 ? <Typography.Text type="secondary">本建议没有协办单位。</Typography.Text> : (
                <Collapse size="small" defaultActiveKey={coUnits.filter((a) => a.opinion).map((a) => a.id)}
                  items={coUnits.map((a) => ({
                    key: a.id,
                    label: <Space wrap size={4}>{a.unit.name}{a.opinion ? <Tag color="green">已提交</Tag> : <Tag color="orange">未提交</Tag>}</Space>,
                    children: a.opinion
                      ? <><Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.opinion.text}</Typography.Paragraph><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.opinion.byName} {formatInstant(a.opinion.at)}</Typography.Text></>
                      : <Typography.Text type="secondary">尚未提交。期限：{a.opinionDue ? formatDateCn(a.opinionDue.date) : '—'} {a.clock && <ClockTag clock={a.clock} />}</Typography.Text>,
                  }))} />
              )}
            </Card>
            <Card title="建议原文" size="small">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 13 }} ellipsis={{ rows: 10, expandable: 'collapsible', symbol: (o) => (o ? '收起' : '展开') }}>{s.body}</Typography.Paragraph>
            </Card>
            <Card title="期限" size="small">
              <Typography.Text>{s.round > 1 ? '重新办理答复期限' : '答复期限'}：</Typography.Text>
              <ExplainedDateView value={s.deadlines.extendedDue ?? s.deadlines.replyDue} inline />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** A read-only preview of the reply as the deputies will read it. */
function showPreview(form: ReturnType<typeof Form.useForm<ReplyDraft>>[0], s: SuggestionDetail, base: Reply, title: string) {
  const v = form.getFieldsValue(true) as ReplyDraft;
  const preview: Reply = {
    ...base,
    docNumber: v.docNumber || null, classCode: v.classCode, classLabel: s.ruleSet.classScheme.find((c) => c.code === v.classCode)?.label ?? null,
    signer: v.signer || null, contactPerson: v.contactPerson || null, contactPhone: v.contactPhone || null, intro: v.intro || null,
    closing: v.closing || DEFAULT_CLOSING, replyDate: v.replyDate ? v.replyDate.format('YYYY-MM-DD') : null,
    points: (v.points ?? []).map((p, i) => ({ id: p.id ?? `new-${i}`, ordinal: i + 1, heading: p.heading || null, text: p.text, responsibleOrg: null, version: p.version ?? 0 })),
  };
  Modal.info({
    title: '答复预览', width: 760, okText: '关闭',
    content: <ReplyDocument reply={{ ...preview, state: 'submitted' }} addressees={s.signers.filter((x) => x.status === 'accepted').map((x) => x.name)} title={title} />,
  });
}

/** Round 2 and later: what the deputies said about the previous answer. */
function DeputyFeedback({ reply, s }: { reply: Reply; s: SuggestionDetail }) {
  const unhappy = reply.ratings.filter((r) => r.satisfaction === 'dissatisfied');
  return (
    <Alert type="warning" showIcon data-testid="deputy-feedback"
      title={`代表对第${reply.round}轮答复不满意，现重新办理（第${s.round}轮）`}
      description={(
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {reply.ratings.map((r) => (
            <div key={r.id}>
              <b>{r.deputyName}</b>：<Tag color={r.satisfaction === 'dissatisfied' ? 'red' : 'green'}>{r.satisfactionLabel}</Tag>
              {r.metInPerson ? '（已见面沟通）' : '（未见面沟通）'}
              {r.comment && <div style={{ whiteSpace: 'pre-wrap' }}>“{r.comment}”</div>}
            </div>
          ))}
          {unhappy.length === 0 && <span>（未见不满意意见）</span>}
          <Collapse size="small" ghost items={[{ key: 'prev', label: `查看第${reply.round}轮答复原文`, children: <ReplyDocument reply={reply} /> }]} />
        </Space>
      )} />
  );
}
