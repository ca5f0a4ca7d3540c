import { useState } from 'react';
import { Button, Col, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Row, Select, Switch, Tag, Typography } from 'antd';
import type { Enrolment, Facility } from './types';
import { RowActions, useListEditor } from './editing';

/** School enrolment information: places, area served, how to apply, the office to ask. */
export function EnrolmentTab({ rows, facilities, canEdit }: { rows: Enrolment[]; facilities: Facility[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<Enrolment | 'new' | null>(null);
  const [form] = Form.useForm();
  const { save, remove } = useListEditor<Enrolment>('/api/parklife/enrolment', () => setEditing(null));
  const schools = facilities.filter((f) => f.kind === 'school');
  const open = (e: Enrolment | 'new') => {
    setEditing(e);
    form.setFieldsValue(e === 'new' ? { year: new Date().getFullYear(), isPublic: true, facilityId: schools[0]?.id ?? null, schoolName: schools[0]?.name ?? '' } : e);
  };
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate({ row: editing === 'new' ? null : (editing as Enrolment), body: {
      schoolName: v.schoolName, facilityId: v.facilityId ?? null, year: v.year, places: v.places ?? null, areaServed: v.areaServed ?? '', howToApply: v.howToApply ?? '',
      contactOffice: v.contactOffice ?? '', contactPhone: v.contactPhone || null, note: v.note ?? '', internalNote: v.internalNote ?? '', isPublic: !!v.isPublic,
    } });
  };
  return (
    <>
      {canEdit && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open('new')}>新增招生信息</Button>}
      {rows.length === 0 ? <Empty description="暂无招生信息" /> : (
        <List
          dataSource={rows}
          renderItem={(e) => (
            <List.Item actions={canEdit ? [<RowActions key="a" row={e} onEdit={open} remove={remove} what="此招生信息" />] : []}>
              <div style={{ width: '100%' }}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>{e.schoolName} · {e.year} 年 {!e.isPublic && <Tag>不公开</Tag>}</Typography.Title>
                <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
                  { key: 'p', label: '学位', children: e.places !== null ? `${e.places.toLocaleString('zh-CN')} 个` : '—' },
                  { key: 'a', label: '招生范围', children: e.areaServed || '—' },
                  { key: 'h', label: '报名方式', children: e.howToApply || '—', span: 2 },
                  { key: 'o', label: '咨询', children: `${e.contactOffice || '—'}${e.contactPhone ? ` ${e.contactPhone}` : ''}` },
                  { key: 'n', label: '说明', children: e.note || '—' },
                ]} />
                {e.internalNote && <Typography.Text type="secondary">内部备注：{e.internalNote}</Typography.Text>}
              </div>
            </List.Item>
          )}
        />
      )}
      <Modal open={!!editing} title={editing === 'new' ? '新增招生信息' : '编辑招生信息'} onCancel={() => setEditing(null)} onOk={submit} okText="保存" confirmLoading={save.isPending} width={720} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={12}><Form.Item label="学校名称" name="schoolName" rules={[{ required: true, message: '请输入学校名称' }]}><Input maxLength={60} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="年度" name="year" rules={[{ required: true }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="学位数" name="places"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="对应设施" name="facilityId"><Select allowClear options={schools.map((f) => ({ value: f.id, label: f.name }))} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="招生范围" name="areaServed"><Input maxLength={500} /></Form.Item></Col>
            <Col span={24}><Form.Item label="报名方式" name="howToApply"><Input.TextArea rows={3} maxLength={2000} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="咨询部门" name="contactOffice"><Input maxLength={60} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="咨询电话（办公电话）" name="contactPhone" extra="只能填写单位办公电话"><Input maxLength={30} /></Form.Item></Col>
            <Col span={24}><Form.Item label="说明（公开）" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item></Col>
            <Col span={24}><Form.Item label="内部备注（不公开）" name="internalNote"><Input.TextArea rows={2} maxLength={1000} /></Form.Item></Col>
            <Col span={24}><Form.Item label="公开" name="isPublic" valuePropName="checked"><Switch /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
