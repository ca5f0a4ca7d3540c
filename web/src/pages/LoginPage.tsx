import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../lib/api';
import { useMeQuery } from '../lib/auth';

/** Where to go after logging in: the page that sent us here (same-origin paths only), else the home page. */
function nextPath(next: string | null) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After too many wrong passwords the server says how long to wait; the button counts it down.
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!retryAt) return;
    const t = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryAt) setRetryAt(null);
    }, 1000);
    return () => clearInterval(t);
  }, [retryAt]);
  const waitSeconds = retryAt ? Math.max(0, Math.ceil((retryAt - now) / 1000)) : 0;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const me = useMeQuery();
  const target = nextPath(params.get('next'));
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ csrfToken: string }>('/api/auth/login', v);
      setCsrfToken(r.csrfToken);
      // The guard that sent us here cached "not logged in"; drop it, so the page we go to loads the new
      // session instead of bouncing back here.
      qc.removeQueries({ queryKey: ['me'] });
      navigate(target, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后再试');
      const retry = e instanceof ApiError && e.status === 429 ? (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
      if (retry) {
        setNow(Date.now());
        setRetryAt(Date.now() + retry * 1000);
      }
    } finally {
      setBusy(false);
    }
  };
  // Someone already logged in who opens the login page goes on to where they were headed.
  if (me.data && !busy) return <Navigate to={target} replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(180deg,#fdf3f3,#f5f5f5)', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ color: '#b4232a', marginBottom: 4 }}>区内办</Typography.Title>
        <Typography.Paragraph type="secondary">高平经济技术开发区 · 建议办理与园区服务平台</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} disabled={waitSeconds > 0}>
            {waitSeconds > 0 ? `请 ${waitSeconds >= 60 ? `${Math.floor(waitSeconds / 60)} 分 ${waitSeconds % 60} 秒` : `${waitSeconds} 秒`}后再试` : '登录'}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <a href="/public">不登录，查看公开的答复、承诺与园区信息 →</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
