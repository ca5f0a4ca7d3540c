import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { PAGES } from '../../pages';
import { keys, useDeputies, useSessions } from './data';
import { SuggestionFields } from './dialogs';
import type { SuggestionCreateBody, SuggestionDetail } from './types';

interface Values { sessionId: string; number?: number; title: string; category: string; kind: '建议' | '议案转建议' | '提案'; body: string; leadDeputyId?: string; coSignerIds: string[] }

/** The organizer registers a suggestion (already signed by its deputies); a deputy drafts one and invites co-signers. */
export default function SuggestionCreatePage() {
  const me = useMe();
  const organizer = me.user.role === 'organizer';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sessions = useSessions();
  const deputies = useDeputies();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lead = Form.useWatch('leadDeputyId', form);
  const title = Form.useWatch('title', form);
  const searchPage = PAGES.some((p) => p.path === '/suggestions/search');

  useEffect(() => {
    const latest = [...(sessions.data ?? [])].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
    if (latest && !form.getFieldValue('sessionId')) form.setFieldValue('sessionId', latest.id);
  }, [sessions.data, form]);

  const save = async (mode: 'draft' | 'submit') => {
    const v = await form.validateFields();
    setBusy(mode);
    setError(null);
    try {
      const body: SuggestionCreateBody = {
        sessionId: v.sessionId, title: v.title, body: v.body, category: v.category, kind: v.kind, coSignerIds: v.coSignerIds ?? [],
        ...(organizer ? { leadDeputyId: v.leadDeputyId, ...(v.number ? { number: v.number } : {}) } : {}),
      };
      let s = await api.post<SuggestionDetail>('/api/suggestions', body);
      if (mode === 'submit' && s.actions.includes('submit')) s = await api.post<SuggestionDetail>(`/api/suggestions/${s.id}/submit`, { version: s.version });
      await qc.invalidateQueries({ queryKey: keys.all });
      message.success(organizer ? '建议已登记' : mode === 'submit' ? '建议已提交，等待立案' : '草稿已保存，附议邀请已发出');
      navigate(`/suggestions/${s.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '保存失败，请稍后再试');
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
      <Form form={form} name="suggestion" layout="vertical" initialValues={{ kind: '建议', coSignerIds: [] }} style={{ maxWidth: 880 }}>
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
    </Card>
  );
}
