import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Grid, List, Modal, Popover, Result, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { api, ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn, formatInstant } from '../../lib/format';
import { keys, useDeputies, useEvents, useSuggestion } from './data';
import { ClockTag, EventTimeline, ExplainedDateView, ExplanationLines, ReplyDocument, StateTag, SuggestionSteps, suggestionNo, useReplyTitle } from './components';
import {
  AssignDialog, EditSuggestionDialog, ExtensionDecisionDialog, ExtensionRequestDialog, NotAdmitDialog, ReturnDecisionDialog,
  ReturnRequestDialog, SupervisionDialog,
} from './dialogs';
import { OpinionCard } from './OpinionCard';
import { RatingCard, RatingOutcome, RatingsList } from './RatingCard';
import ReplyDocumentActions from '../documents/ReplyDocumentActions';
import { ReplyPromisesPanel } from '../promises/ReplyPromisesPanel';
import { SuggestionPromisesCard } from '../promises/SuggestionPromisesCard';
import type { Assignment, ExtensionRequest, RatingResult, SuggestionDetail } from './types';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

type Dialog = 'edit' | 'notAdmit' | 'assign' | 'returnRequest' | 'extension' | 'supervise' | null;

export default function SuggestionDetailPage() {
  const { id = '' } = useParams();
  const q = useSuggestion(id);
  if (q.isLoading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  if (q.error || !q.data) {
    const e = q.error as ApiError | null;
    return <Result status={e?.status === 403 ? '403' : e?.status === 404 ? '404' : 'error'} title={e?.message ?? '无法加载该建议'} extra={<Link to="/">返回工作台</Link>} />;
  }
  return <Detail s={q.data} />;
}

function Detail({ s }: { s: SuggestionDetail }) {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const events = useEvents(s.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [returnDecision, setReturnDecision] = useState<Assignment | undefined>();
  const [extensionDecision, setExtensionDecision] = useState<ExtensionRequest | undefined>();
  const [rated, setRated] = useState<RatingResult | null>(null);
  const can = (a: SuggestionDetail['actions'][number]) => s.actions.includes(a);
  const organizer = me.user.role === 'organizer' || me.user.role === 'admin';
  const myAssignment = s.assignments.find((a) => a.unit.id === me.user.orgUnitId && a.state !== 'returned');
  const close = () => setDialog(null);

  const simple = useApiMutation((v: { path: string; body: object; success: string }) => api.post(`/api/suggestions/${s.id}/${v.path}`, v.body).then(() => v.success), {
    invalidate: [keys.all], onSuccess: (msg) => message.success(msg),
  });
  const accept = useApiMutation(() => api.post(`/api/assignments/${myAssignment!.id}/accept`, { version: myAssignment!.version }), { invalidate: [keys.all], success: '已签收，请在期限内办理答复' });
  const keySupervision = useApiMutation((on: boolean) => api.put(`/api/suggestions/${s.id}/key-supervision`, { version: s.version, keySupervision: on }), {
    invalidate: [keys.all], success: '已更新重点督办标记',
  });

  const replyTitle = useReplyTitle(s);
  const currentReply = s.replies.find((r) => r.round === s.round);
  const draftExists = currentReply?.state === 'draft';
  const leadUnit = myAssignment?.role === 'lead';
  // The official document (取号, .docx, PDF) belongs to the lead unit and the organizer; deputies may download what was sent to them.
  const showDocument = (r: SuggestionDetail['replies'][number]) => organizer || (leadUnit && (r.state === 'submitted' || can('edit_reply'))) || (me.user.role === 'deputy' && r.state === 'submitted');
  // Promises are proposed from a submitted reply and confirmed by the lead unit; the organizer follows them.
  const showPromisePanel = (r: SuggestionDetail['replies'][number]) => r.state === 'submitted' && (organizer || leadUnit);
  const buttons: React.ReactNode[] = [];
  if (can('edit')) buttons.push(<Button key="edit" onClick={() => setDialog('edit')}>修改</Button>);
  // Invited co-signers must all answer before the lead deputy may submit (the server holds the same rule).
  const pendingSigners = s.signers.filter((x) => x.status === 'invited').map((x) => x.name).join('、');
  const submit = () => (pendingSigners
    ? Modal.info({ title: '暂不能提交', content: `附议代表${pendingSigners}尚未答复附议邀请。邀请的附议代表全部答复（同意或谢绝）后才能提交；如不再等待，可在“联名代表”中点标签上的 × 撤回邀请后提交。`, okText: '知道了' })
    : Modal.confirm({ title: '提交这条建议？', content: '提交后由交办方审查立案，内容不能再修改。', okText: '提交', onOk: () => simple.mutateAsync({ path: 'submit', body: { version: s.version }, success: '已提交，等待立案' }) }));
  if (can('submit')) buttons.push(<Button key="submit" type="primary" loading={simple.isPending} onClick={submit}>提交建议</Button>);
  if (can('admit')) buttons.push(<Button key="admit" type="primary" onClick={() => Modal.confirm({ title: '立案', content: s.number ? `以编号第${s.number}号立案。` : '立案时自动取本届次的下一个编号。', okText: '立案', onOk: () => simple.mutateAsync({ path: 'admit', body: { version: s.version }, success: '已立案，可以交办' }) })}>立案</Button>);
  if (can('not_admit')) buttons.push(<Button key="notAdmit" danger onClick={() => setDialog('notAdmit')}>不予立案</Button>);
  if (can('assign')) buttons.push(<Button key="assign" type="primary" onClick={() => setDialog('assign')}>交办</Button>);
  if (can('accept') && myAssignment) buttons.push(<Button key="accept" type="primary" loading={accept.isPending} onClick={() => accept.mutate(undefined)}>签收</Button>);
  if (can('request_return') && myAssignment) buttons.push(<Button key="return" onClick={() => setDialog('returnRequest')}>申请退办（{formatDateCn(myAssignment.returnDue.date)}前）</Button>);
  if (can('edit_reply')) buttons.push(<Button key="reply" type="primary" onClick={() => navigate(`/suggestions/${s.id}/reply`)}>{s.round > 1 ? `起草第${s.round}轮答复` : draftExists && currentReply!.points.length > 0 ? '继续起草答复' : '起草答复'}</Button>);
  if (can('request_extension')) buttons.push(<Button key="ext" onClick={() => setDialog('extension')}>申请延期</Button>);
  if (can('supervise')) buttons.push(<Button key="supervise" onClick={() => setDialog('supervise')}>登记督办</Button>);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{suggestionNo(s)} · {s.kind} · {s.category}</Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="suggestion-title">{s.title}</Typography.Title>
          <Space wrap>
            <StateTag state={s.state} label={s.stateLabel} round={s.round} />
            <ClockTag clock={s.clock} withDate />
            {s.keySupervision && <Tag color="red">重点督办</Tag>}
            {s.finalSatisfaction && <Tag color={s.finalSatisfaction === 'dissatisfied' ? 'red' : 'green'}>{{ satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' }[s.finalSatisfaction]}</Tag>}
            {s.isDemo && <Tag>演示数据</Tag>}
          </Space>
          <div style={{ overflowX: 'auto', paddingTop: 8 }}><SuggestionSteps s={s} /></div>
          {s.state === 'not_admitted' && s.notAdmittedReason && <Alert type="warning" showIcon title="不予立案" description={s.notAdmittedReason} />}
          {can('submit') && pendingSigners && (
            <Alert type="info" showIcon data-testid="signers-pending" title={`草稿已保存；附议代表${pendingSigners}尚未确认，全部确认后才能提交`}
              description="每位代表同意或谢绝后您会收到通知；全部答复后在此页点“提交建议”。也可以撤回邀请后直接提交。" />
          )}
          {(buttons.length > 0 || can('key_supervision')) && (
            <Space wrap data-testid="suggestion-actions">
              {buttons}
              {can('key_supervision') && (
                <Space size={4}><Switch checked={s.keySupervision} loading={keySupervision.isPending} onChange={(on) => keySupervision.mutate(on)} aria-label="重点督办" />重点督办</Space>
              )}
            </Space>
          )}
        </Space>
      </Card>

      <SignatureBanner s={s} />
      {rated && <RatingOutcome result={rated} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="基本情况" size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
                { key: 'session', label: '届次', children: s.sessionShortName },
                { key: 'no', label: '编号', children: s.number ? `第${s.number}号` : '未编号' },
                { key: 'lead', label: '领衔代表', children: s.leadDeputy.name },
                { key: 'signers', label: '联名代表', children: <SignerList s={s} /> },
                { key: 'submitted', label: '提交时间', children: formatInstant(s.submittedAt) },
                { key: 'admitted', label: '立案时间', children: formatInstant(s.admittedAt) },
                { key: 'assigned', label: '交办日期', children: formatDateCn(s.assignedOn) },
                { key: 'unit', label: '主办单位', children: s.leadUnit?.name ?? '—' },
                { key: 'rules', label: '办理规则', children: s.ruleSet.name },
                { key: 'round', label: '办理轮次', children: `第${s.round}轮` },
                ...(s.closedAt ? [{ key: 'closed', label: '办结时间', children: formatInstant(s.closedAt) }] : []),
              ]} />
            </Card>

            <Card title="建议内容" size="small">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, lineHeight: 1.9 }} ellipsis={{ rows: 12, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开全文') }}>{s.body}</Typography.Paragraph>
            </Card>

            {s.assignments.length > 0 && (
              <Card title="承办单位" size="small">
                <AssignmentsTable s={s} organizer={organizer} onDecideReturn={(a) => setReturnDecision(a)} />
              </Card>
            )}

            {myAssignment?.role === 'co' && <OpinionCard s={s} assignment={myAssignment} />}

            {s.replies.length === 0 && ['in_progress', 'assigned'].includes(s.state) && (
              <Card title="答复" size="small"><Empty description="承办单位尚未答复" image={Empty.PRESENTED_IMAGE_SIMPLE} /></Card>
            )}
            {[...s.replies].sort((a, b) => b.round - a.round).map((r) => (
              <Card key={r.id} size="small"
                title={<Space wrap>{`答复（第${r.round}轮）`}{r.state === 'draft' ? <Tag>草稿</Tag> : <Tag color="green">已提交 {formatInstant(r.submittedAt)}</Tag>}{r.publicationState === 'published' && <Tag color="blue">已公开</Tag>}</Space>}
                extra={r.state === 'draft' && can('edit_reply') ? <Link to={`/suggestions/${s.id}/reply`}>编辑</Link> : undefined}>
                <ReplyDocument reply={r} addressees={s.signers.filter((x) => x.status === 'accepted').map((x) => x.name)} title={replyTitle} />
                {r.state === 'submitted' && <RatingsList reply={r} />}
                {showDocument(r) && <div style={{ marginTop: 12 }} data-testid="reply-document-actions"><ReplyDocumentActions replyId={r.id} compact /></div>}
                {showPromisePanel(r) && <div style={{ marginTop: 12 }}><ReplyPromisesPanel replyId={r.id} /></div>}
              </Card>
            ))}

            {s.replies.some((r) => r.state === 'submitted') && <SuggestionPromisesCard suggestionId={s.id} />}

            {can('rate') && <RatingCard s={s} onRated={setRated} />}

            {(s.extensionRequests.length > 0) && (
              <Card title="延期申请" size="small">
                <List dataSource={s.extensionRequests} renderItem={(x) => (
                  <List.Item actions={x.state === 'pending' && can('decide_extension') ? [<Button key="d" size="small" type="primary" onClick={() => setExtensionDecision(x)}>审核</Button>] : []}>
                    <List.Item.Meta
                      title={<Space wrap>{x.unitName} 申请延至 {formatDateCn(x.requestedDue)}<Tag color={x.state === 'pending' ? 'orange' : x.state === 'approved' ? 'green' : 'red'}>{x.stateLabel}</Tag></Space>}
                      description={<>理由：{x.reason}<br />申请于 {formatInstant(x.requestedAt)}{x.decidedAt && <>；{formatInstant(x.decidedAt)} 决定{x.decidedDue ? `延至 ${formatDateCn(x.decidedDue)}` : ''}{x.decisionNote ? `（${x.decisionNote}）` : ''}</>}</>}
                    />
                  </List.Item>
                )} />
              </Card>
            )}

            {(s.keySupervision || s.supervisionActions.length > 0) && (
              <Card title="督办记录" size="small" extra={can('supervise') && <a onClick={() => setDialog('supervise')}>登记</a>}>
                <List locale={{ emptyText: '尚无督办记录' }} dataSource={s.supervisionActions} renderItem={(x) => (
                  <List.Item><List.Item.Meta title={<Space wrap><Tag>{x.kindLabel}</Tag>{formatDateCn(x.happenedOn)}<Typography.Text type="secondary">{x.actorName}</Typography.Text></Space>} description={<span style={{ whiteSpace: 'pre-wrap' }}>{x.note}</span>} /></List.Item>
                )} />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <DeadlinesCard s={s} />
            <Card title="办理记录" size="small" style={screens.lg ? { position: 'sticky', top: 16 } : undefined}>
              <EventTimeline events={events.data} loading={events.isLoading} />
            </Card>
          </Space>
        </Col>
      </Row>

      {can('edit') && <EditSuggestionDialog s={s} open={dialog === 'edit'} onClose={close} organizer={organizer} />}
      {can('not_admit') && <NotAdmitDialog s={s} open={dialog === 'notAdmit'} onClose={close} />}
      {can('assign') && <AssignDialog s={s} open={dialog === 'assign'} onClose={close} />}
      {can('request_return') && <ReturnRequestDialog s={s} assignment={myAssignment} open={dialog === 'returnRequest'} onClose={close} />}
      {can('request_extension') && <ExtensionRequestDialog s={s} open={dialog === 'extension'} onClose={close} />}
      {can('supervise') && <SupervisionDialog s={s} open={dialog === 'supervise'} onClose={close} />}
      {can('decide_return') && <ReturnDecisionDialog s={s} assignment={returnDecision} open={!!returnDecision} onClose={() => setReturnDecision(undefined)} />}
      {can('decide_extension') && <ExtensionDecisionDialog s={s} request={extensionDecision} open={!!extensionDecision} onClose={() => setExtensionDecision(undefined)} />}
    </Space>
  );
}

function DeadlinesCard({ s }: { s: SuggestionDetail }) {
  const d = s.deadlines;
  if (!d.replyDue && !d.hardDue && !d.extendedDue) return null;
  return (
    <Card title="办理期限" size="small" data-testid="deadlines">
      {s.clock && <div style={{ marginBottom: 8 }}><ClockTag clock={s.clock} /></div>}
      <Descriptions size="small" column={1} layout="vertical" items={[
        ...(d.replyDue ? [{ key: 'reply', label: s.round > 1 ? `重新办理答复期限（第${s.round}轮）` : '答复期限', children: <ExplainedDateView value={d.replyDue} inline /> }] : []),
        ...(d.extendedDue ? [{ key: 'ext', label: '批准延期至', children: <ExplainedDateView value={d.extendedDue} inline /> }] : []),
        ...(d.hardDue ? [{ key: 'hard', label: '最长期限（延期不得超过）', children: <ExplainedDateView value={d.hardDue} inline /> }] : []),
      ]} />
    </Card>
  );
}

function SignerList({ s }: { s: SuggestionDetail }) {
  const deputies = useDeputies(s.actions.includes('invite'));
  const [adding, setAdding] = useState<string | undefined>();
  const invite = useApiMutation((deputyId: string) => api.post(`/api/suggestions/${s.id}/signers`, { deputyId }), { invalidate: [keys.all], success: '已发出附议邀请', onSuccess: () => setAdding(undefined) });
  const remove = useApiMutation((deputyId: string) => api.delete(`/api/suggestions/${s.id}/signers/${deputyId}`), { invalidate: [keys.all], success: '已移除' });
  const STATUS_COLOR = { invited: 'orange', accepted: 'green', declined: 'default' } as const;
  const present = new Set(s.signers.map((x) => x.deputyId));
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap size={[4, 4]}>
        {s.signers.map((x) => (
          <Tag key={x.deputyId} color={STATUS_COLOR[x.status]} closable={s.actions.includes('invite') && x.role === 'co'} onClose={(e) => { e.preventDefault(); remove.mutate(x.deputyId); }}>
            {x.name}{x.role === 'lead' ? '（领衔）' : ''}{x.status !== 'accepted' ? ` · ${x.statusLabel}` : ''}
          </Tag>
        ))}
      </Space>
      {s.actions.includes('invite') && (
        <Space.Compact>
          <Select size="small" style={{ width: 160 }} placeholder="邀请附议代表" value={adding} onChange={setAdding} showSearch={{ optionFilterProp: 'label' }}
            options={(deputies.data ?? []).filter((d) => !present.has(d.id)).map((d) => ({ value: d.id, label: d.name }))} />
          <Button size="small" disabled={!adding} loading={invite.isPending} onClick={() => adding && invite.mutate(adding)}>邀请</Button>
        </Space.Compact>
      )}
    </Space>
  );
}

/** An invited co-signer accepts or declines here. */
function SignatureBanner({ s }: { s: SuggestionDetail }) {
  const sign = useApiMutation((accept: boolean) => api.post(`/api/suggestions/${s.id}/signature`, { accept }), { invalidate: [keys.all], success: '已回复附议邀请' });
  if (!s.actions.includes('sign')) return null;
  return (
    <Alert type="info" showIcon data-testid="signature-banner"
      title={`${s.leadDeputy.name}代表邀请您联名附议这条建议`}
      description="同意附议后，您将作为联名代表收到答复，并单独进行满意度评价。"
      action={<Space orientation="vertical"><Button type="primary" size="small" loading={sign.isPending} onClick={() => sign.mutate(true)}>同意附议</Button><Button size="small" onClick={() => sign.mutate(false)}>谢绝</Button></Space>} />
  );
}

/** A date on one line with its computation a click away. */
function DateWithExplain({ value }: { value: Assignment['returnDue'] }) {
  return (
    <Popover title="期限如何计算" content={<div style={{ maxWidth: 420 }}><ExplanationLines lines={value.lines} /></div>}>
      <a style={{ whiteSpace: 'nowrap' }}>{formatDateCn(value.date)}</a>
    </Popover>
  );
}

function AssignmentsTable({ s, organizer, onDecideReturn }: { s: SuggestionDetail; organizer: boolean; onDecideReturn: (a: Assignment) => void }) {
  const STATE_COLOR = { assigned: 'blue', accepted: 'green', return_requested: 'orange', returned: 'default' } as const;
  return (
    <ResponsiveTable<Assignment> rowKey="id" size="small" pagination={false} dataSource={s.assignments} scroll={{ x: 830 }}
      expandable={{
        rowExpandable: (a) => !!(a.opinion || a.returnReason || a.opinionDue),
        expandedRowRender: (a) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {a.returnReason && <div><b>退办理由：</b>{a.returnReason}（{formatInstant(a.returnRequestedAt)}）{a.returnDecision && <>；交办方{a.returnDecision === 'approved' ? '同意' : '不同意'}{a.returnDecisionNote ? `：${a.returnDecisionNote}` : ''}</>}</div>}
            {a.opinionDue && <div><b>协办意见期限：</b><ExplainedDateView value={a.opinionDue} /></div>}
            {a.opinion ? <div><b>协办意见</b>（{a.opinion.byName ?? ''} {formatInstant(a.opinion.at)}）：<div style={{ whiteSpace: 'pre-wrap' }}>{a.opinion.text}</div></div>
              : a.role === 'co' && a.opinionVisible ? <Typography.Text type="secondary">尚未提交协办意见</Typography.Text> : null}
          </Space>
        ),
      }}
      columns={[
        { title: '单位', key: 'unit', width: 220, render: (_, a) => <Space wrap size={4}>{a.unit.name}<Tag color={a.role === 'lead' ? 'red' : undefined}>{a.roleLabel}</Tag></Space> },
        { title: '状态', key: 'state', width: 90, render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{a.stateLabel}</Tag> },
        { title: '交办日期', dataIndex: 'assignedOn', width: 100, render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateCn(d)}</span> },
        { title: '退办期限', key: 'ret', width: 130, render: (_, a) => <DateWithExplain value={a.returnDue} /> },
        { title: '办理期限', key: 'clock', width: 190, render: (_, a) => (a.clock ? <ClockTag clock={a.clock} /> : a.role === 'co' && a.opinion ? <Tag color="green">已提交意见</Tag> : '—') },
        {
          title: '', key: 'ops', width: 100,
          render: (_, a) => a.state === 'return_requested' && organizer && s.actions.includes('decide_return')
            ? <Button size="small" type="primary" onClick={() => onDecideReturn(a)}>审核退办</Button>
            : null,
        },
      ]} />
  );
}
