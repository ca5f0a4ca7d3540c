import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import { keys, useRuleSets, useSessions } from './data';
import type { Session, SessionCreateBody } from './types';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const numberOptions = CN_NUMBERS.map((n) => ({ value: n, label: n }));

/** 高平市第七届人民代表大会第六次会议 / 政协高平市第七届委员会第六次会议 */
function defaultFullName(body: string, term: string, meeting: string) {
  if (!term || !meeting) return '';
  return body === '政协' ? `政协高平市第${term}届委员会第${meeting}次会议` : `高平市第${term}届人民代表大会第${meeting}次会议`;
}

interface FormValues { body: '人大' | '政协'; term: string; meeting: string; shortName?: string; fullName: string; dates: [Dayjs, Dayjs]; ruleSetId: string }

export default function SessionsPage() {
  const sessions = useSessions();
  const ruleSets = useRuleSets();
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const [fullNameTouched, setFullNameTouched] = useState(false);

  const create = useApiMutation((b: SessionCreateBody) => api.post<Session>('/api/congress-sessions', b), { invalidate: [keys.all], success: '届次已创建', onSuccess: () => setEditing(null) });
  const update = useApiMutation((v: { id: string; body: object }) => api.patch<Session>(`/api/congress-sessions/${v.id}`, v.body), { invalidate: [keys.all], success: '已保存', onSuccess: () => setEditing(null) });

  const open = (s: Session | 'new') => {
    setEditing(s);
    setFullNameTouched(s !== 'new');
    if (s === 'new') {
      form.setFieldsValue({ body: '人大', term: '七', meeting: '', shortName: '', fullName: '', dates: undefined, ruleSetId: ruleSets.data?.[0]?.id });
    } else {
      form.setFieldsValue({ body: s.body as '人大' | '政协', term: s.term, meeting: s.meeting, shortName: s.shortName, fullName: s.fullName, dates: [dayjs(s.startsOn), dayjs(s.endsOn)], ruleSetId: s.ruleSetId });
    }
  };

  const onValuesChange = (changed: Partial<FormValues>, all: FormValues) => {
    if (('body' in changed || 'term' in changed || 'meeting' in changed) && !fullNameTouched) {
      form.setFieldsValue({ fullName: defaultFullName(all.body, all.term, all.meeting) });
    }
    if ('fullName' in changed) setFullNameTouched(true);
  };

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      body: v.body, term: v.term, meeting: v.meeting, fullName: v.fullName.trim(),
      ...(v.shortName?.trim() ? { shortName: v.shortName.trim() } : {}),
      startsOn: v.dates[0].format('YYYY-MM-DD'), endsOn: v.dates[1].format('YYYY-MM-DD'), ruleSetId: v.ruleSetId,
    };
    if (editing === 'new') create.mutate(body);
    else if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } });
  };

  return (
    <Card title="届次与会议" extra={<Button type="primary" onClick={() => open('new')}>新建届次</Button>}>
      <Typography.Paragraph type="secondary">
        每次人代会或政协会议为一个届次（如“七届六次”），建议在届次内编号，办理期限按届次所选的办理规则计算。
      </Typography.Paragraph>
      <ResponsiveTable<Session>
        rowKey="id" size="middle" loading={sessions.isLoading} dataSource={sessions.data} pagination={false} scroll={{ x: 820 }}
        locale={{ emptyText: '还没有届次，请先新建' }}
        columns={[
          { title: '机关', dataIndex: 'body', width: 70, render: (b) => <Tag color={b === '人大' ? 'red' : 'blue'}>{b}</Tag> },
          { title: '简称', dataIndex: 'shortName', width: 100, render: (v, s) => <>{v} {s.isDemo && <Tag>演示</Tag>}</> },
          { title: '全称', dataIndex: 'fullName' },
          { title: '会期', key: 'dates', width: 220, render: (_, s) => `${formatDateCn(s.startsOn)} — ${formatDateCn(s.endsOn)}` },
          { title: '办理规则', dataIndex: 'ruleSetName', width: 160 },
          { title: '建议数', dataIndex: 'suggestionCount', width: 80, render: (n, s) => <Link to={`/suggestions?sessionId=${s.id}`}>{n}</Link> },
          { title: '操作', key: 'ops', width: 80, render: (_, s) => <a onClick={() => open(s)}>编辑</a> },
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新建届次' : '编辑届次'} onCancel={() => setEditing(null)} onOk={submit}
        confirmLoading={create.isPending || update.isPending} okText="保存" forceRender>
        <Form form={form} name="session" layout="vertical" onValuesChange={onValuesChange}>
          <Form.Item label="机关" name="body" rules={[{ required: true }]}>
            <Radio.Group options={[{ value: '人大', label: '人大（代表建议）' }, { value: '政协', label: '政协（委员提案）' }]} />
          </Form.Item>
          <Space wrap>
            <Form.Item label="届" name="term" rules={[{ required: true, message: '请选择届次' }]}><Select showSearch style={{ width: 100 }} options={numberOptions} placeholder="七" /></Form.Item>
            <Form.Item label="次会议" name="meeting" rules={[{ required: true, message: '请选择第几次会议' }]}><Select showSearch style={{ width: 100 }} options={numberOptions} placeholder="六" /></Form.Item>
            <Form.Item label="简称" name="shortName" tooltip="不填则为“七届六次”的形式"><Input style={{ width: 140 }} maxLength={20} placeholder="七届六次" /></Form.Item>
          </Space>
          <Form.Item label="全称" name="fullName" rules={[{ required: true, whitespace: true, message: '请填写全称' }, { max: 80, message: '全称不能超过 80 个字' }]}>
            <Input placeholder="高平市第七届人民代表大会第六次会议" />
          </Form.Item>
          <Form.Item label="会期（开幕—闭幕）" name="dates" rules={[{ required: true, message: '请选择会期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="办理规则" name="ruleSetId" rules={[{ required: true, message: '请选择办理规则' }]}
            extra="答复期限、最长期限、退办期限、分类方案等均取自所选规则。">
            <Select loading={ruleSets.isLoading} options={(ruleSets.data ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.jurisdiction}）` }))} />
          </Form.Item>
          <RuleSummary ruleSetId={Form.useWatch('ruleSetId', form)} />
        </Form>
      </Modal>
    </Card>
  );
}

function RuleSummary({ ruleSetId }: { ruleSetId: string | undefined }) {
  const ruleSets = useRuleSets();
  const r = ruleSets.data?.find((x) => x.id === ruleSetId);
  if (!r) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
      答复 {r.replyMonths} 个月，最长 {r.hardMonths} 个月；协办意见 {r.coOpinionMonths} 个月；退办 {r.returnWindowCount} 个{r.returnWindowUnit === 'workdays' ? '工作日' : '自然日'}；
      不满意重新办理 {r.rereplyMonths} 个月；答复后 {r.publishWorkdays} 个工作日内公开；分类 {r.classScheme.map((c) => c.code).join('/')}。
    </Typography.Paragraph>
  );
}
