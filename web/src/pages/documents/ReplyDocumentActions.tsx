import { useState } from 'react';
import { App, Button, Dropdown, Modal, Radio, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, download } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import type { ReplyDocumentInfo } from './types';

export const replyDocumentKey = (replyId: string) => ['reply-document', replyId] as const;

/**
 * The official document of one reply: its number (取号 from the unit's registry, or a reserved number), and
 * downloads — .docx as one joint reply or one copy per deputy (a .zip, or one deputy's copy), and PDF when the
 * server has LibreOffice. Drop it into any page that shows a reply: <ReplyDocumentActions replyId={…} />.
 */
export default function ReplyDocumentActions({ replyId, compact }: { replyId: string; compact?: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const info = useQuery({ queryKey: replyDocumentKey(replyId), queryFn: () => api.get<ReplyDocumentInfo>(`/api/replies/${replyId}/document`) });
  const [choosing, setChoosing] = useState(false);
  const [numberId, setNumberId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const take = useApiMutation(
    (v: { version: number; numberId?: string }) => api.post<ReplyDocumentInfo>(`/api/replies/${replyId}/doc-number`, v),
    {
      onSuccess: async (r) => {
        setChoosing(false);
        qc.setQueryData(replyDocumentKey(replyId), r);
        await qc.invalidateQueries({ queryKey: ['doc-numbers'] });
        await qc.invalidateQueries({ queryKey: ['suggestions'] });
        message.success(`已取号：${r.docNumber}`);
      },
    },
  );

  if (info.isLoading) return <Spin size="small" />;
  if (info.isError || !info.data) {
    return <Typography.Text type="secondary">{info.error instanceof ApiError ? info.error.message : '答复件信息加载失败'}</Typography.Text>;
  }
  const d = info.data;
  const base = `/api/replies/${replyId}`;
  const fallback = `${d.docNumber ?? d.title}`;

  const get = async (key: string, url: string, name: string) => {
    setBusy(key);
    try {
      await download(url, name);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '下载失败，请稍后再试');
      if (e instanceof ApiError && e.status === 503) await qc.invalidateQueries({ queryKey: replyDocumentKey(replyId) });
    } finally {
      setBusy(null);
    }
  };

  const several = d.deputies.length > 1;
  const docxItems = [
    { key: 'joint', label: '联合答复（一份 .docx）' },
    ...(several ? [{ key: 'per_deputy', label: `逐人答复（${d.deputies.length} 份，打包 .zip）` }] : []),
    ...(several ? [{ type: 'divider' as const }, ...d.deputies.map((p) => ({ key: `deputy:${p.id}`, label: `仅${p.name}代表的一份` }))] : []),
  ];
  const onDocx = (key: string) => {
    if (key === 'joint') return get('docx', `${base}/document.docx?mode=joint`, `${fallback}.docx`);
    if (key === 'per_deputy') return get('docx', `${base}/document.docx?mode=per_deputy`, `${fallback}（逐人答复）.zip`);
    const id = key.slice('deputy:'.length);
    const name = d.deputies.find((p) => p.id === id)?.name ?? '';
    return get('docx', `${base}/document.docx?deputy=${encodeURIComponent(id)}`, `${fallback}-${name}.docx`);
  };
  const defaultKey = d.deputies.length === 1 ? `deputy:${d.deputies[0].id}` : d.mode === 'per_deputy' ? 'per_deputy' : 'joint';
  // Named for what each gives: one joint .docx, or a .zip with one letter per deputy.
  const defaultLabel = defaultKey === 'joint' ? '下载联合答复（.docx）' : defaultKey === 'per_deputy' ? `下载逐人答复（${d.deputies.length} 份，.zip）` : '下载答复（.docx）';

  return (
    <Space wrap size={compact ? 4 : 8} data-testid="reply-document-actions">
      <span>
        <Typography.Text type="secondary">发文字号：</Typography.Text>
        {d.docNumber ? <Tag color="red" data-testid="reply-doc-number">{d.docNumber}</Tag> : <Tag data-testid="reply-doc-number">未取号</Tag>}
      </span>
      {d.canTakeNumber && (
        <Button data-testid="take-number" loading={take.isPending} onClick={() => { setNumberId(null); setChoosing(true); }}>取号</Button>
      )}
      {d.numberHint && <Typography.Text type="warning">{d.numberHint}</Typography.Text>}
      {several ? (
        <Space.Compact data-testid="download-docx">
          <Button loading={busy === 'docx'} onClick={() => void onDocx(defaultKey)}>{defaultLabel}</Button>
          <Dropdown menu={{ items: docxItems, onClick: ({ key }) => void onDocx(key) }} placement="bottomRight">
            <Button aria-label="选择下载哪一份" data-testid="download-docx-more">▾</Button>
          </Dropdown>
        </Space.Compact>
      ) : (
        <Button data-testid="download-docx" loading={busy === 'docx'} onClick={() => void onDocx(defaultKey)}>{defaultLabel}</Button>
      )}
      <Tooltip title={d.pdfAvailable ? 'PDF 由服务器上的 LibreOffice 生成，需要几秒钟' : '未安装 LibreOffice，无法生成 PDF，请下载 .docx'}>
        <Button
          data-testid="download-pdf"
          disabled={!d.pdfAvailable}
          loading={busy === 'pdf'}
          onClick={() => void get('pdf', `${base}/document.pdf`, `${fallback}.pdf`)}
        >
          下载 PDF
        </Button>
      </Tooltip>
      <Modal
        open={choosing}
        title="为答复取号"
        okText="确认取号"
        confirmLoading={take.isPending}
        onCancel={() => setChoosing(false)}
        onOk={() => take.mutate({ version: d.version, ...(numberId ? { numberId } : {}) })}
        destroyOnHidden
      >
        <Typography.Paragraph>
          从 <Typography.Text strong>{d.unit.name}</Typography.Text> 的发文字号登记簿（{d.unit.docPrefix}）为《{d.title}》取号。
          取号后号码即登记在册，不能退回；如需放弃，可在“发文字号”中作废（作废的号不再使用）。
        </Typography.Paragraph>
        {d.reservedNumbers.length > 0 ? (
          <Radio.Group value={numberId ?? ''} onChange={(e) => setNumberId(e.target.value || null)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            <Radio value="">取下一个号</Radio>
            {d.reservedNumbers.map((n) => (
              <Radio key={n.id} value={n.id}>使用预留号 {n.number}{n.note ? `（${n.note}）` : ''}</Radio>
            ))}
          </Radio.Group>
        ) : (
          <Typography.Text type="secondary">将取本年度下一个号。</Typography.Text>
        )}
      </Modal>
    </Space>
  );
}
