import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Col, Empty, Form, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { PAGES } from '../../pages';
import { keys, useDeputies, useSessions } from './data';
import { SuggestionFields } from './dialogs';
import { StateTag } from './components';
import type { SimilarResult } from './toolsTypes';
import type { SuggestionCreateBody, SuggestionDetail } from './types';

interface Values { sessionId: string; number?: number; title: string; category: string; kind: '建议' | '议案转建议' | '提案'; body: string; leadDeputyId?: string; coSignerIds: string[] }

/** The organizer registers a suggestion (already signed by its deputies); a deputy drafts one and invites co-signers. */
export default function SuggestionCreatePage() {
  const me = useMe();
  const organizer = me.user.role === 'organizer';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sessions = useSessions();
  const deputies = useDeputies();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lead = Form.useWatch('leadDeputyId', form);
  const title = Form.useWatch('title', form);
  const text = Form.useWatch('body', form);
  const searchPage = PAGES.some((p) => p.path === '/suggestions/search');

  useEffect(() => {
    const latest = [...(sessions.data ?? [])].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
    if (latest && !form.getFieldValue('sessionId')) form.setFieldValue('sessionId', latest.id);
  }, [sessions.data, form]);

  const save = async (mode: 'draft' | 'submit') => {
    const v = await form.validateFields();
    const coSignerIds = v.coSignerIds ?? [];
    const names = coSignerIds.map((id) => deputies.data?.find((d) => d.id === id)?.name ?? '').filter(Boolean).join('、');
    // Invited co-signers must all answer (同意 or 谢绝) before a suggestion may be submitted: with any invited,
    // "submit" saves the draft and sends the invitations, and says so before and after.
    const waitForSigners = !organizer && mode === 'submit' && coSignerIds.length > 0;
    if (waitForSigners) {
      const go = await modal.confirm({
        title: '附议代表确认后才能提交',
        content: `您邀请了${names}代表附议。邀请的附议代表全部答复（同意或谢绝）后，建议才能提交。现在将保存为草稿并发出邀请；每位代表答复后您会收到通知，届时在“我的建议”中打开这条建议提交。`,
        okText: '保存草稿并发出邀请',
        cancelText: '返回修改',
      });
      if (!go) return;
    }
    setBusy(mode);
    setError(null);
    let saved: SuggestionDetail | null = null;
    try {
      const body: SuggestionCreateBody = {
        sessionId: v.sessionId, title: v.title, body: v.body, category: v.category, kind: v.kind, coSignerIds,
        ...(organizer ? { leadDeputyId: v.leadDeputyId, ...(v.number ? { number: v.number } : {}) } : {}),
      };
      saved = await api.post<SuggestionDetail>('/api/suggestions', body);
      let s = saved;
      if (mode === 'submit' && !waitForSigners) s = await api.post<SuggestionDetail>(`/api/suggestions/${s.id}/submit`, { version: s.version });
      await qc.invalidateQueries({ queryKey: keys.all });
      if (organizer) message.success('建议已登记');
      else if (waitForSigners) message.info(`草稿已保存；附议代表${names}尚未确认，全部确认后才能提交`, 8);
      else message.success(mode === 'submit' ? '建议已提交，等待立案' : coSignerIds.length ? '草稿已保存，附议邀请已发出' : '草稿已保存');
      navigate(`/suggestions/${s.id}`);
    } catch (e) {
      const why = e instanceof ApiError ? e.message : '请稍后再试';
      if (saved) {
        // The draft exists: go to it rather than leave a form whose next click would make a second one.
        await qc.invalidateQueries({ queryKey: keys.all });
        message.warning(`草稿已保存，但未能提交：${why}。可在草稿页面修改后再提交。`, 8);
        navigate(`/suggestions/${saved.id}`);
      } else {
        setError(e instanceof ApiError ? e.message : '保存失败，请稍后再试');
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={organizer ? '登记建议' : '提出建议'}>
      <Typography.Paragraph type="secondary">
        {organizer
          ? '登记代表在会议期间或闭会期间提出的建议。领衔代表和附议代表按原件录入，视为已签名。登记后可立案、交办。'
          : '写明问题、原因和具体建议。邀请的附议代表会在系统中收到邀请，同意后成为联名代表；提交后由交办方审查立案。'}
        {searchPage && <> 提交前可以先 <Link to={`/suggestions/search${title ? `?q=${encodeURIComponent(title)}` : ''}`}>查找相似的已办建议</Link>，看看以往是如何答复的。</>}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={24}>
      <Col xs={24} xl={15}>
      <Form form={form} name="suggestion" layout="vertical" initialValues={{ kind: '建议', coSignerIds: [] }}>
        <Form.Item label="届次" name="sessionId" rules={[{ required: true, message: '请选择届次' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ maxWidth: 360 }} loading={sessions.isLoading} options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.body} ${s.shortName}（${s.fullName}）` }))} />
        </Form.Item>
        {organizer && (
          <Form.Item label="领衔代表" name="leadDeputyId" rules={[{ required: true, message: '请选择领衔代表' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} style={{ maxWidth: 360 }} loading={deputies.isLoading} options={(deputies.data ?? []).map((d) => ({ value: d.id, label: d.delegation ? `${d.name}（${d.delegation}）` : d.name }))} />
          </Form.Item>
        )}
        <Form.Item label={organizer ? '附议代表' : '邀请附议代表'} name="coSignerIds" extra={organizer ? '按建议原件上的联名顺序选择。' : '可不邀请；也可以保存草稿后再邀请。'}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={deputies.isLoading}
            options={(deputies.data ?? []).filter((d) => d.id !== lead && d.userId !== me.user.id).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <SuggestionFields organizer={organizer} />
        <Space>
          {organizer
            ? <Button type="primary" loading={busy === 'draft'} onClick={() => void save('draft')}>登记</Button>
            : <>
                <Button type="primary" loading={busy === 'submit'} onClick={() => void save('submit')}>提交建议</Button>
                <Button loading={busy === 'draft'} onClick={() => void save('draft')}>保存草稿</Button>
              </>}
          <Button onClick={() => navigate(-1)}>取消</Button>
        </Space>
      </Form>
      </Col>
      <Col xs={24} xl={9}>
        <SimilarWhileDrafting title={title ?? ''} body={text ?? ''} />
      </Col>
      </Row>
    </Card>
  );
}

/** Settles on a value once it has stopped changing for a moment (so similar suggestions are not fetched per keystroke). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** Earlier suggestions like the one being written, and how they were answered. */
function SimilarWhileDrafting({ title, body }: { title: string; body: string }) {
  const t = useSettled(title.trim(), 800);
  const b = useSettled(body.trim(), 800);
  const enough = t.length >= 5 || b.length >= 10;
  const q = useQuery({
    queryKey: ['suggestions', 'similar-draft', t, b],
    queryFn: () => api.post<SimilarResult>('/api/suggestions/similar', { title: t || b.slice(0, 40), body: b, limit: 5 }),
    enabled: enough,
    staleTime: 60_000,
    retry: false,
  });
  return (
    <Card size="small" title="相似的往届建议" data-testid="similar-while-drafting" style={{ marginTop: 8 }}>
      {!enough && <Typography.Text type="secondary">输入标题或内容后，这里会列出内容相近的往届建议及其答复情况，避免重复提出，也可参考以往的办理结果。</Typography.Text>}
      {enough && q.isLoading && <Typography.Text type="secondary">正在查找…</Typography.Text>}
      {q.error && <Typography.Text type="secondary">{(q.error as Error).message}</Typography.Text>}
      {enough && q.data && (
        <List size="small" dataSource={q.data.items} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到相似的建议" /> }}
          renderItem={(s) => (
            <List.Item>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                {s.access === 'internal' ? <Link to={`/suggestions/${s.suggestionId}`}>{s.title}</Link> : <Typography.Text>{s.title}</Typography.Text>}
                <Space size={4} wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.sessionName}{s.number ? ` 第${s.number}号` : ''}</Typography.Text>
                  <StateTag state={s.state} label={s.stateLabel} />
                  {s.satisfactionLabel && <Tag>{`代表评价：${s.satisfactionLabel}`}</Tag>}
                </Space>
                {s.reply
                  ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2 }}>{s.leadUnitName ? `${s.leadUnitName}答复` : '答复'}{s.reply.classCode ? `（${s.reply.classCode}类）` : ''}：{s.reply.excerpt}</Typography.Paragraph>
                  : <Typography.Text type="secondary" style={{ fontSize: 12 }}>尚未答复</Typography.Text>}
              </Space>
            </List.Item>
          )} />
      )}
    </Card>
  );
}
