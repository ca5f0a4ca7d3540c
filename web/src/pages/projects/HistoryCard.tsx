import { useState } from 'react';
import { App, Empty, Form, Image, Input, Modal, Select, Space, Switch, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn, formatInstant } from '../../lib/format';
import type { ProjectDetail, Update } from './types';

/** Every progress report, newest first, with its photos; voided ones stay visible, struck through. */
export function HistoryCard({ project }: { project: ProjectDetail }) {
  const { message } = App.useApp();
  const [component, setComponent] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<Update | null>(null);
  const [editing, setEditing] = useState<Update | null>(null);
  const [adding, setAdding] = useState<Update | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm();

  const voidIt = useApiMutation((v: { u: Update; reason: string }) => api.post(`/api/projects/${project.id}/updates/${v.u.id}/void`, { version: v.u.version, reason: v.reason }), {
    invalidate: [['projects']], success: '已作废，进度已重新计算', onSuccess: () => setVoiding(null),
  });
  const edit = useApiMutation((v: { u: Update; note: string; internalNote: string; isPublic: boolean }) => api.patch(`/api/projects/${project.id}/updates/${v.u.id}`, { version: v.u.version, note: v.note, internalNote: v.internalNote, isPublic: v.isPublic }), {
    invalidate: [['projects']], success: '已保存', onSuccess: () => setEditing(null),
  });
  const addPhotos = useApiMutation((u: Update) => {
    const fd = new FormData();
    for (const f of files) if (f.originFileObj) fd.append('photos', f.originFileObj, f.name);
    return api.upload(`/api/projects/${project.id}/updates/${u.id}/photos`, fd);
  }, { invalidate: [['projects']], success: '照片已上传', onSuccess: () => { setAdding(null); setFiles([]); } });
  const removePhoto = useApiMutation((v: { u: Update; fileId: string }) => api.delete(`/api/projects/${project.id}/updates/${v.u.id}/photos/${v.fileId}`), { invalidate: [['projects']], success: '照片已删除' });

  const updates = project.updates.filter((u) => !component || u.componentId === component);
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select allowClear placeholder="全部单体" style={{ width: 200 }} value={component} onChange={(v) => setComponent(v ?? null)} options={project.components.map((c) => ({ value: c.id, label: c.name }))} />
        <Typography.Text type="secondary">共 {updates.length} 条记录</Typography.Text>
      </Space>
      {updates.length === 0 ? <Empty description="暂无进度记录" /> : (
        <Timeline
          data-testid="history"
          items={updates.map((u) => ({
            color: u.voided ? 'gray' : u.percent >= 100 ? 'green' : 'blue',
            content: (
              <div style={{ opacity: u.voided ? 0.55 : 1 }} data-testid="history-item">
                <Space wrap size={6}>
                  <Typography.Text type="secondary">{formatDateCn(u.asOf)}</Typography.Text>
                  <Typography.Text strong delete={!!u.voided}>{u.componentName} · {u.stageName} {u.percent}%</Typography.Text>
                  {u.completesPrevious && <Tag>此前工序一并完成</Tag>}
                  {!u.isPublic && <Tag color="default">不公开</Tag>}
                  {u.voided && <Tag color="red">已作废：{u.voided.reason}</Tag>}
                </Space>
                {u.note && <div>{u.note}</div>}
                {u.internalNote && <Typography.Text type="secondary">内部备注：{u.internalNote}</Typography.Text>}
                {u.photos.length > 0 && (
                  <div style={{ marginTop: 8 }}>
                    <Image.PreviewGroup>
                      <Space wrap>
                        {u.photos.map((ph) => (
                          <div key={ph.id} style={{ textAlign: 'center' }}>
                            <Image src={ph.url} width={120} height={76} style={{ objectFit: 'cover', borderRadius: 4 }} alt={ph.caption || ph.name} />
                            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                              {ph.caption || ph.name}
                              {project.canEdit && !u.voided && <a style={{ marginInlineStart: 4 }} onClick={() => Modal.confirm({ title: '删除这张照片？', onOk: () => removePhoto.mutateAsync({ u, fileId: ph.id }) })}>删除</a>}
                            </div>
                          </div>
                        ))}
                      </Space>
                    </Image.PreviewGroup>
                  </div>
                )}
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>
                  {u.createdByName} 填报于 {formatInstant(u.createdAt)}
                  {project.canEdit && !u.voided && (
                    <Space size={12} style={{ marginInlineStart: 12 }}>
                      <a onClick={() => { setEditing(u); form.setFieldsValue({ note: u.note, internalNote: u.internalNote, isPublic: u.isPublic }); }}>修改说明</a>
                      <a onClick={() => { setAdding(u); setFiles([]); }}>补充照片</a>
                      <a onClick={() => { setVoiding(u); form.setFieldsValue({ reason: '' }); }}>作废</a>
                    </Space>
                  )}
                </div>
              </div>
            ),
          }))}
        />
      )}
      <Modal open={!!voiding} title="作废进度记录" onCancel={() => setVoiding(null)} okText="作废" okButtonProps={{ danger: true }} confirmLoading={voidIt.isPending}
        onOk={async () => { const v = await form.validateFields(['reason']); voidIt.mutate({ u: voiding!, reason: v.reason }); }} destroyOnHidden>
        <Typography.Paragraph>作废后该条记录不再计入进度，但仍保留在历史中。如数值有误，请作废后重新填报。</Typography.Paragraph>
        <Form form={form} layout="vertical"><Form.Item label="作废原因" name="reason" rules={[{ required: true, message: '请填写作废原因' }]}><Input maxLength={200} /></Form.Item></Form>
      </Modal>
      <Modal open={!!editing} title="修改说明" onCancel={() => setEditing(null)} okText="保存" confirmLoading={edit.isPending}
        onOk={async () => { const v = await form.validateFields(['note', 'internalNote', 'isPublic']); edit.mutate({ u: editing!, ...v }); }} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="进度说明（公开）" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item label="内部备注（不公开）" name="internalNote"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item label="公开展示" name="isPublic" valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!adding} title="补充照片" onCancel={() => setAdding(null)} okText="上传" confirmLoading={addPhotos.isPending} okButtonProps={{ disabled: files.length === 0 }}
        onOk={() => addPhotos.mutate(adding!)} destroyOnHidden>
        <Upload listType="picture-card" multiple accept="image/jpeg,image/png,image/webp" fileList={files} onChange={({ fileList }) => setFiles(fileList)}
          beforeUpload={(f) => {
            if (!['image/jpeg', 'image/png', 'image/webp'].includes(f.type)) { message.error(`“${f.name}”不是 JPEG、PNG 或 WebP 图片`); return Upload.LIST_IGNORE; }
            if (f.size > 5 * 1024 * 1024) { message.error(`“${f.name}”超过 5 MB`); return Upload.LIST_IGNORE; }
            return false;
          }}>
          <span>+ 添加照片</span>
        </Upload>
      </Modal>
    </>
  );
}

