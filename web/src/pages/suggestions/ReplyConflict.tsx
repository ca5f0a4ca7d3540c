import { Alert, Button, Card, Col, Row, Space, Tag, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { HEADER_FIELDS, headerValue, toDraft, type PointDraft, type ReplyDraft } from './replyDraft';
import type { Reply, ReplyPoint } from './types';

export interface Theirs {
  /** The reply as it is on the server now. */
  reply: Reply;
  /** The point ids the editor had loaded before the other person's change. */
  loadedPointIds: string[];
  message: string;
}

const FIELD_LABELS: Record<(typeof HEADER_FIELDS)[number], string> = {
  docNumber: '发文字号', classCode: '办理结果分类', signer: '签发人', contactPerson: '联系人', contactPhone: '联系电话',
  intro: '开头语', closing: '结束语', replyDate: '答复日期',
};

type Row =
  | { kind: 'both'; index: number; mine: PointDraft; theirs: ReplyPoint }
  | { kind: 'deleted_by_them'; index: number; mine: PointDraft }
  | { kind: 'added_by_them'; theirs: ReplyPoint }
  | { kind: 'mine_new'; index: number; mine: PointDraft };

const pointText = (p: { heading: string | null; text: string }) => `${p.heading ? `【${p.heading}】` : ''}${p.text}`;

/**
 * Someone else saved the reply while this person was editing. Their text stays in the form; this panel shows
 * the server's version beside it and lets them either keep their text (merged over the latest version, the
 * other person's new points kept) or take the server's version.
 */
export function ConflictPanel({ form, theirs, orgOptions, onResolved }: {
  form: FormInstance<ReplyDraft>;
  theirs: Theirs;
  orgOptions: Array<{ value: string; label: string }>;
  onResolved: (server: Reply, keepMine: boolean) => void;
}) {
  const mine = form.getFieldsValue(true) as ReplyDraft;
  const server = toDraft(theirs.reply);
  const orgName = (id: string | null | undefined) => orgOptions.find((o) => o.value === id)?.label ?? '';

  const headerDiffs = HEADER_FIELDS.filter((f) => headerValue(mine, f) !== headerValue(server, f));
  const rows: Row[] = [];
  (mine.points ?? []).forEach((p, index) => {
    if (!p.id) { rows.push({ kind: 'mine_new', index, mine: p }); return; }
    const t = theirs.reply.points.find((x) => x.id === p.id);
    if (!t) rows.push({ kind: 'deleted_by_them', index, mine: p });
    else if (pointText({ heading: p.heading || null, text: p.text }) !== pointText(t) || (p.responsibleOrgId ?? null) !== (t.responsibleOrg?.id ?? null)) rows.push({ kind: 'both', index, mine: p, theirs: t });
  });
  const localIds = new Set((mine.points ?? []).map((p) => p.id));
  for (const t of theirs.reply.points) if (!localIds.has(t.id) && !theirs.loadedPointIds.includes(t.id)) rows.push({ kind: 'added_by_them', theirs: t });

  const takeTheirsPoint = (index: number, t: ReplyPoint) => {
    form.setFieldValue(['points', index], { id: t.id, version: t.version, heading: t.heading ?? '', text: t.text, responsibleOrgId: t.responsibleOrg?.id ?? null });
    onChange();
  };
  const [, setTick] = useState(0);
  const onChange = () => setTick((t) => t + 1);

  /** Keep my text on top of the latest version: take their versions, re-create what they deleted, keep what they added. */
  const keepMine = () => {
    const points: PointDraft[] = (mine.points ?? []).map((p) => {
      if (!p.id) return p;
      const t = theirs.reply.points.find((x) => x.id === p.id);
      return t ? { ...p, version: t.version } : { ...p, id: undefined, version: undefined };
    });
    for (const r of rows) if (r.kind === 'added_by_them') points.push({ id: r.theirs.id, version: r.theirs.version, heading: r.theirs.heading ?? '', text: r.theirs.text, responsibleOrgId: r.theirs.responsibleOrg?.id ?? null });
    form.setFieldsValue({ points });
    onResolved(theirs.reply, true);
  };

  return (
    <Card size="small" style={{ borderColor: '#faad14' }} data-testid="reply-conflict">
      <Alert type="warning" showIcon title="该答复已被他人修改"
        description={`在您编辑期间，他人保存了这份答复（服务器提示：${theirs.message}）。您输入的内容仍保留在下方表单中，没有丢失。请对照他人保存的版本，选择保留您的内容或采用他人的版本。`} />
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={12}><Typography.Text strong>您的内容（未保存）</Typography.Text></Col>
        <Col span={12}><Typography.Text strong>他人已保存的版本</Typography.Text></Col>
      </Row>
      {headerDiffs.map((f) => (
        <Row key={f} gutter={16} style={{ marginTop: 8 }}>
          <Col span={24}><Tag>{FIELD_LABELS[f]}</Tag></Col>
          <Col span={12}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#f6ffed', padding: 6, marginBottom: 0 }}>{headerValue(mine, f) ?? '（空）'}</Typography.Paragraph></Col>
          <Col span={12}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fff7e6', padding: 6, marginBottom: 0 }}>{headerValue(server, f) ?? '（空）'}</Typography.Paragraph></Col>
        </Row>
      ))}
      {rows.map((r, i) => (
        <Row key={i} gutter={16} style={{ marginTop: 8 }}>
          <Col span={24}>
            <Space>
              <Tag color={r.kind === 'both' ? 'orange' : r.kind === 'added_by_them' ? 'blue' : r.kind === 'deleted_by_them' ? 'red' : 'green'}>
                {r.kind === 'both' ? `第${r.index + 1}条：双方都修改了` : r.kind === 'added_by_them' ? '他人新增的要点' : r.kind === 'deleted_by_them' ? `第${r.index + 1}条：他人已删除` : `第${r.index + 1}条：您新增的要点`}
              </Tag>
              {r.kind === 'both' && <Button size="small" onClick={() => takeTheirsPoint(r.index, r.theirs)}>这一条采用他人的版本</Button>}
            </Space>
          </Col>
          <Col span={12}>
            {'mine' in r && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#f6ffed', padding: 6, marginBottom: 0 }}>{pointText({ heading: r.mine.heading || null, text: r.mine.text })}{r.mine.responsibleOrgId ? `\n责任单位：${orgName(r.mine.responsibleOrgId)}` : ''}</Typography.Paragraph>}
          </Col>
          <Col span={12}>
            {'theirs' in r && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fff7e6', padding: 6, marginBottom: 0 }}>{pointText(r.theirs)}{r.theirs.responsibleOrg ? `\n责任单位：${r.theirs.responsibleOrg.name}` : ''}</Typography.Paragraph>}
          </Col>
        </Row>
      ))}
      {headerDiffs.length === 0 && rows.length === 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>内容上没有差异（可能只是顺序或版本号变化）。</Typography.Paragraph>}
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" onClick={keepMine}>保留我的内容并保存（他人新增的要点一并保留）</Button>
        <Button danger onClick={() => onResolved(theirs.reply, false)}>放弃我的修改，载入他人的版本</Button>
      </Space>
    </Card>
  );
}
