import { Alert, Button, Card, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn, formatInstant } from '../../lib/format';
import { keys } from './data';
import { ExplanationLines } from './components';
import type { Reply, RatingCreateBody, RatingResult, RuleSet, SuggestionDetail } from './types';

const SATISFACTION_COLOR = { satisfied: 'green', basically_satisfied: 'gold', dissatisfied: 'red' } as const;

/** Who rated this round and how (the server decides which ratings this viewer may see). */
export function RatingsList({ reply }: { reply: Reply }) {
  return (
    <div style={{ marginTop: 12 }} data-testid={`ratings-round-${reply.round}`}>
      <Typography.Text strong>代表评价</Typography.Text>
      <Typography.Text type="secondary">（已评价 {reply.ratingsReceived} / {reply.ratingsExpected} 人）</Typography.Text>
      {reply.ratings.length > 0 && (
        <List size="small" dataSource={reply.ratings} renderItem={(r) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Space wrap><b>{r.deputyName}</b><Tag color={SATISFACTION_COLOR[r.satisfaction]}>{r.satisfactionLabel}</Tag>{r.metInPerson ? <Tag>已见面沟通</Tag> : <Tag>未见面沟通</Tag>}<Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(r.ratedAt)}</Typography.Text></Space>
              {r.comment && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</Typography.Text>}
            </Space>
          </List.Item>
        )} />
      )}
    </div>
  );
}

/**
 * The deputy's own rating of the current reply. Every signer rates separately; 不满意 sends the suggestion
 * back for another round, due by the rule set (the new due date is shown once the server has computed it).
 */
export function RatingCard({ s, onRated }: { s: SuggestionDetail; onRated: (r: RatingResult) => void }) {
  const reply = [...s.replies].filter((r) => r.state === 'submitted').sort((a, b) => b.round - a.round)[0];
  const [form] = Form.useForm<RatingCreateBody>();
  const satisfaction = Form.useWatch('satisfaction', form);
  // The rule set tells how long a re-handling round takes; deputies may not read rule sets, so they get the general sentence.
  const me = useMe();
  const rules = useQuery({ queryKey: keys.ruleSets, queryFn: () => api.get<RuleSet[]>('/api/rule-sets'), retry: false, staleTime: 60_000, enabled: me.user.role === 'organizer' || me.user.role === 'admin' });
  const rereplyMonths = rules.data?.find((r) => r.id === s.ruleSet.id)?.rereplyMonths;
  const m = useApiMutation((b: RatingCreateBody) => api.post<RatingResult>(`/api/replies/${reply!.id}/ratings`, b), {
    invalidate: [keys.all], success: '评价已提交', onSuccess: (r) => onRated(r),
  });
  if (!reply) return null;
  const submit = (v: RatingCreateBody) => {
    const body = { satisfaction: v.satisfaction, metInPerson: v.metInPerson, comment: v.comment?.trim() || null };
    if (v.satisfaction === 'dissatisfied') {
      Modal.confirm({
        title: '确认评价为“不满意”？',
        content: `全体联名代表评价后，只要有代表不满意，该建议即退回${reply.unit.name}重新办理（第${s.round + 1}轮）${rereplyMonths ? `，新的答复期限为 ${rereplyMonths} 个月` : ''}。请在意见中写明不满意的具体问题，便于承办单位有针对性地办理。`,
        okText: '提交评价', okButtonProps: { danger: true },
        onOk: () => m.mutateAsync(body),
      });
    } else m.mutate(body);
  };
  return (
    <Card title={`评价第${reply.round}轮答复`} size="small" data-testid="rating-card">
      <Form form={form} name="rating" layout="vertical" onFinish={submit} initialValues={{ metInPerson: false }}>
        <Form.Item label="对答复是否满意" name="satisfaction" rules={[{ required: true, message: '请选择满意、基本满意或不满意' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'satisfied', label: '满意' }, { value: 'basically_satisfied', label: '基本满意' }, { value: 'dissatisfied', label: '不满意' }]} />
        </Form.Item>
        <Form.Item label="承办单位是否与您见面沟通" name="metInPerson" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: true, label: '已见面沟通' }, { value: false, label: '未见面沟通' }]} />
        </Form.Item>
        {satisfaction === 'dissatisfied' && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="评价为“不满意”的，该建议将退回承办单位重新办理"
            description={`全体联名代表评价完毕后，只要有代表不满意，建议即转入第 ${s.round + 1} 轮办理：承办单位须在${rereplyMonths ? ` ${rereplyMonths} 个月内` : '规则规定的期限内'}（从退回之日的次日起算，期限末日遇节假日顺延）重新答复，新的答复期限届时显示在建议页面上；重新答复后您可再次评价。请在下面写明不满意的原因。`} />
        )}
        <Form.Item label="意见" name="comment"
          rules={[{ max: 2000, message: '意见不能超过 2000 个字' }, ...(satisfaction === 'dissatisfied' ? [{ required: true, whitespace: true, message: '选择不满意时，请写明具体意见' }] : [])]}>
          <Input.TextArea rows={4} showCount maxLength={2000} placeholder="对答复和办理情况的意见（选填；不满意时必填）" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending}>提交评价</Button>
      </Form>
    </Card>
  );
}

/** After rating: what happens next, with the new due date when the suggestion went back for another round. */
export function RatingOutcome({ result }: { result: RatingResult }) {
  const s = result.suggestion;
  if (s.state === 'rehandling') {
    return (
      <Alert type="warning" showIcon style={{ marginTop: 12 }} data-testid="rating-outcome"
        title={`已退回重新办理（第${s.round}轮），新的答复期限：${formatDateCn(s.deadlines.replyDue?.date ?? s.dueDate)}`}
        description={<ExplanationLines lines={s.deadlines.replyDue?.lines ?? []} />} />
    );
  }
  if (s.state === 'closed') return <Alert type="success" showIcon style={{ marginTop: 12 }} data-testid="rating-outcome" title="所有代表均已评价，该建议已办结。" />;
  const reply = s.replies.find((r) => r.round === s.round);
  return (
    <Alert type="info" showIcon style={{ marginTop: 12 }} data-testid="rating-outcome"
      title={`您的评价（${result.rating.satisfactionLabel}）已记录，等待其他联名代表评价${reply ? `（已评价 ${reply.ratingsReceived} / ${reply.ratingsExpected} 人）` : ''}。`}
      description={result.rating.satisfaction === 'dissatisfied' ? '全体代表评价完毕后，该建议将退回承办单位重新办理，新的答复期限将显示在建议页面上。' : undefined} />
  );
}
