import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useMe } from '../lib/auth';

export default function PasswordPage() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const onFinish = async (v: { current: string; next: string; confirm: string }) => {
    setError(null);
    if (v.next !== v.confirm) return setError('两次输入的新密码不一致');
    try {
      await api.post('/api/auth/password', { current: v.current, next: v.next });
      setDone(true);
      await qc.invalidateQueries({ queryKey: ['me'] });
      if (me.mustChangePassword) navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '修改失败');
    }
  };
  return (
    <Card title="修改密码" style={{ maxWidth: 480 }}>
      {me.mustChangePassword && <Alert type="info" showIcon title="首次登录或密码已被重置，请先设置新密码。" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {done && <Alert type="success" showIcon title="密码已修改，其他设备上的登录已失效。" style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={onFinish}>
        <Form.Item label="当前密码" name="current" rules={[{ required: true, message: '请输入当前密码' }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Form.Item label="新密码" name="next" extra="至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类" rules={[{ required: true, message: '请输入新密码' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item label="确认新密码" name="confirm" rules={[{ required: true, message: '请再次输入新密码' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Button type="primary" htmlType="submit">保存</Button>
      </Form>
    </Card>
  );
}
