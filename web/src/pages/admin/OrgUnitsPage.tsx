import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { ORG_KIND_OPTIONS, type OrgUnit } from './types';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

export default function OrgUnitsPage() {
  const orgs = useQuery({ queryKey: ['org-units'], queryFn: () => api.get<OrgUnit[]>('/api/org-units') });
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const [form] = Form.useForm();
  const save = useApiMutation(
    (v: Record<string, unknown>) => (editing === 'new' ? api.post('/api/org-units', v) : api.patch(`/api/org-units/${(editing as OrgUnit).id}`, { ...v, version: (editing as OrgUnit).version })),
    { invalidate: [['org-units']], success: '已保存', onSuccess: () => setEditing(null) },
  );
  const open = (o: OrgUnit | 'new') => {
    setEditing(o);
    form.setFieldsValue(o === 'new' ? { name: '', shortName: '', kind: 'bureau', docPrefix: null, officialPhone: null } : o);
  };
  return (
    <Card title="单位" extra={<Button type="primary" onClick={() => open('new')}>新建单位</Button>}>
      <ResponsiveTable<OrgUnit>
        rowKey="id" size="middle" loading={orgs.isLoading} dataSource={orgs.data} pagination={false} scroll={{ x: 700 }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (v, o) => <>{v} {o.isDemo && <Tag>演示</Tag>}</> },
          { title: '简称', dataIndex: 'shortName' },
          { title: '类型', dataIndex: 'kind', render: (k) => ORG_KIND_OPTIONS.find((o) => o.value === k)?.label ?? k },
          { title: '发文字号前缀', dataIndex: 'docPrefix', render: (v) => v ?? '—' },
          { title: '公开联系电话', dataIndex: 'officialPhone', render: (v) => v ?? '—' },
          { title: '操作', key: 'ops', render: (_, o) => <a onClick={() => open(o)}>编辑</a> },
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新建单位' : '编辑单位'} onCancel={() => setEditing(null)} onOk={async () => save.mutate(await form.validateFields())} confirmLoading={save.isPending} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}><Input maxLength={60} /></Form.Item>
          <Form.Item label="简称" name="shortName" rules={[{ required: true, message: '请输入简称' }]}><Input maxLength={20} /></Form.Item>
          <Form.Item label="类型" name="kind"><Select options={ORG_KIND_OPTIONS} /></Form.Item>
          <Form.Item label="发文字号前缀" name="docPrefix" extra="如：高工信发"><Input maxLength={20} /></Form.Item>
          <Form.Item label="公开联系电话" name="officialPhone" extra="答复公开时保留此号码，其余个人电话自动隐去"><Input maxLength={40} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
