import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatInstant } from '../../lib/format';
import { ROLE_OPTIONS, type OrgUnit, type User } from './types';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

const roleLabel = (r: string) => ROLE_OPTIONS.find((o) => o.value === r)?.label ?? r;

export default function UsersPage() {
  const [q, setQ] = useState('');
  const users = useQuery({ queryKey: ['users', q], queryFn: () => api.get<User[]>(`/api/users${q ? `?q=${encodeURIComponent(q)}` : ''}`) });
  const orgs = useQuery({ queryKey: ['org-units'], queryFn: () => api.get<OrgUnit[]>('/api/org-units') });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [temp, setTemp] = useState<{ username: string; password: string } | null>(null);
  const [form] = Form.useForm();

  const create = useApiMutation((v: { username: string; displayName: string; role: string; orgUnitId: string | null }) => api.post<{ user: User; temporaryPassword: string }>('/api/users', v), {
    invalidate: [['users']], onSuccess: (r) => { setEditing(null); setTemp({ username: r.user.username, password: r.temporaryPassword }); },
  });
  const update = useApiMutation((v: { id: string; body: object }) => api.patch<User>(`/api/users/${v.id}`, v.body), { invalidate: [['users']], success: '已保存', onSuccess: () => setEditing(null) });
  const reset = useApiMutation((u: User) => api.post<{ user: User; temporaryPassword: string }>(`/api/users/${u.id}/reset-password`), {
    invalidate: [['users']], onSuccess: (r) => setTemp({ username: r.user.username, password: r.temporaryPassword }),
  });

  const open = (u: User | 'new') => {
    setEditing(u);
    form.setFieldsValue(u === 'new' ? { username: '', displayName: '', role: 'unit_staff', orgUnitId: null } : { displayName: u.displayName, role: u.role, orgUnitId: u.orgUnitId, disabled: u.disabled });
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (editing === 'new') create.mutate(v);
    else if (editing) update.mutate({ id: editing.id, body: { ...v, version: editing.version } });
  };

  return (
    <Card title="用户" extra={<Space><Input.Search placeholder="用户名或姓名" allowClear onSearch={setQ} style={{ width: 200 }} /><Button type="primary" onClick={() => open('new')}>新建用户</Button></Space>}>
      {temp && (
        <Alert type="success" showIcon closable onClose={() => setTemp(null)} style={{ marginBottom: 16 }}
          title={<>用户 <b>{temp.username}</b> 的一次性初始密码：<Typography.Text code copyable data-testid="temp-password">{temp.password}</Typography.Text>（只显示这一次，首次登录后须修改）</>} />
      )}
      <ResponsiveTable<User>
        rowKey="id" size="middle" loading={users.isLoading} dataSource={users.data} pagination={{ pageSize: 20 }} scroll={{ x: 800 }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName', render: (v, u) => <>{v} {u.isDemo && <Tag>演示</Tag>}</> },
          { title: '角色', dataIndex: 'role', render: roleLabel },
          { title: '单位', dataIndex: 'orgUnitName', render: (v) => v ?? '—' },
          { title: '状态', dataIndex: 'disabled', render: (d, u) => d ? <Tag color="default">已停用</Tag> : u.mustChangePassword ? <Tag color="orange">待改密码</Tag> : <Tag color="green">正常</Tag> },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: formatInstant },
          { title: '操作', key: 'ops', render: (_, u) => <Space><a onClick={() => open(u)}>编辑</a><a onClick={() => Modal.confirm({ title: `重置 ${u.username} 的密码？`, content: '将生成一次性初始密码，该用户现有登录全部失效。', onOk: () => reset.mutateAsync(u) })}>重置密码</a></Space> },
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新建用户' : '编辑用户'} onCancel={() => setEditing(null)} onOk={submit} confirmLoading={create.isPending || update.isPending} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical">
          {editing === 'new' && <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3–32 位小写字母、数字或 _ . -，以字母开头' }]}><Input /></Form.Item>}
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}><Input maxLength={40} /></Form.Item>
          <Form.Item label="角色" name="role" rules={[{ required: true }]}><Select options={ROLE_OPTIONS} /></Form.Item>
          <Form.Item label="单位" name="orgUnitId"><Select allowClear placeholder="（无）" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} showSearch={{ optionFilterProp: 'label' }} /></Form.Item>
          {editing !== 'new' && <Form.Item label="停用" name="disabled" valuePropName="checked"><Switch /></Form.Item>}
        </Form>
      </Modal>
    </Card>
  );
}
