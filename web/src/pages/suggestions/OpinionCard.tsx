import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatInstant } from '../../lib/format';
import { keys } from './data';
import { ClockTag, ExplainedDateView } from './components';
import type { Assignment, SuggestionDetail } from './types';

/** A co-unit writes its opinion to the lead unit (协办意见) and submits it; it may revise it while allowed. */
export function OpinionCard({ s, assignment }: { s: SuggestionDetail; assignment: Assignment }) {
  const allowed = s.actions.includes('submit_opinion');
  const [editing, setEditing] = useState(!assignment.opinion);
  const [form] = Form.useForm<{ text: string }>();
  useEffect(() => { form.setFieldsValue({ text: assignment.opinion?.text ?? '' }); }, [assignment.opinion?.text, form]);
  const m = useApiMutation((text: string) => api.put(`/api/assignments/${assignment.id}/opinion`, { version: assignment.version, text }), {
    invalidate: [keys.all], success: '协办意见已提交主办单位', onSuccess: () => setEditing(false),
  });
  const lead = s.assignments.find((a) => a.role === 'lead' && a.state !== 'returned');
  return (
    <Card title="本单位协办意见" size="small" data-testid="opinion-card"
      extra={assignment.opinionDue && <Space size={4}>期限 <ExplainedDateView value={assignment.opinionDue} /> <ClockTag clock={assignment.clock} /></Space>}>
      <Typography.Paragraph type="secondary">
        本单位为协办单位。请就职责范围内的事项向主办单位{lead ? `（${lead.unit.name}）` : ''}提出协办意见，由主办单位汇总后统一答复代表；协办意见不直接发给代表。
      </Typography.Paragraph>
      {assignment.opinion && !editing && (
        <>
          <Alert type="success" showIcon title={`已于 ${formatInstant(assignment.opinion.at)} 提交${assignment.opinion.byName ? `（${assignment.opinion.byName}）` : ''}`} style={{ marginBottom: 8 }} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{assignment.opinion.text}</Typography.Paragraph>
          {allowed && <Button onClick={() => setEditing(true)}>修改协办意见</Button>}
        </>
      )}
      {editing && allowed && (
        <Form form={form} name="opinion" layout="vertical" onFinish={(v) => m.mutate(v.text)}>
          <Form.Item name="text" label="协办意见" rules={[{ required: true, whitespace: true, message: '请填写协办意见' }, { min: 4, message: '至少 4 个字' }, { max: 10000, message: '不能超过 10000 个字' }]}>
            <Input.TextArea rows={8} showCount maxLength={10000} placeholder="如：职工餐厅已建成并对外营业，可容纳 400 余人同时用餐；住宿、商超、健身等配套已建成。" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={m.isPending}>提交协办意见</Button>
            {assignment.opinion && <Button onClick={() => { form.setFieldsValue({ text: assignment.opinion!.text }); setEditing(false); }}>取消</Button>}
          </Space>
        </Form>
      )}
      {!assignment.opinion && !allowed && <Typography.Text type="secondary">{assignment.state === 'assigned' ? '请先签收，再提出协办意见。' : '当前不能提交协办意见。'}</Typography.Text>}
    </Card>
  );
}
