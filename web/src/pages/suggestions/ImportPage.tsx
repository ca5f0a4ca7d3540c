import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, download } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { keys, useSessions } from './data';
import ExportPanel from './ExportPanel';
import type { ImportReport } from './toolsTypes';

type Row = ImportReport['rows'][number];

/** Import a session's suggestions from .xlsx: check every row first, then import all of them or none. */
function ImportPanel() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const sessions = useSessions();
  const [sessionId, setSessionId] = useState<string>();
  const [create, setCreate] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const form = () => {
    const fd = new FormData();
    fd.append('sessionId', sessionId!);
    fd.append('createMissingDeputies', String(create));
    fd.append('file', file!, file!.name);
    return fd;
  };
  const check = useMutation({
    mutationFn: () => api.upload<ImportReport>('/api/suggestions/import/dry-run', form()),
    onSuccess: (r) => { setReport(r); setImported(null); },
    onError: (e) => { setReport(null); message.error(e instanceof ApiError ? e.message : '检查失败'); },
  });
  const run = useMutation({
    mutationFn: () => api.upload<ImportReport>('/api/suggestions/import', form()),
    onSuccess: async (r) => { setImported(r); setReport(r); await qc.invalidateQueries({ queryKey: keys.all }); message.success(`已导入 ${r.imported} 件建议`); },
    onError: (e) => {
      if (e instanceof ApiError && e.details && typeof e.details === 'object' && 'rows' in e.details) setReport(e.details as ImportReport);
      message.error(e instanceof ApiError ? e.message : '导入失败');
    },
  });
  const reset = () => { setReport(null); setImported(null); };
  const step = imported ? 2 : report ? 1 : 0;
  return (
    <div>
      <Steps size="small" current={step} style={{ marginBottom: 20, maxWidth: 640 }} items={[{ title: '选择文件' }, { title: '检查报告' }, { title: '完成导入' }]} />
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label="导入到届次" required>
          <Select placeholder="选择届次" value={sessionId} onChange={(v) => { setSessionId(v); reset(); }} data-testid="import-session"
            options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.body}${s.shortName}（${s.fullName}）` }))} />
        </Form.Item>
        <Form.Item label="Excel 文件（.xlsx，不超过 10 MB）" required extra={<Space size={4}>表头须含“标题”“领衔代表”“内容”，可含“编号”“附议代表”“类别”“类型”。<a onClick={() => download('/api/suggestions/import/template.xlsx', '建议导入模板.xlsx')}>下载模板</a></Space>}>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} fileList={fileList}
            beforeUpload={(f) => { setFile(f); setFileList([{ uid: f.uid, name: f.name, status: 'done' }]); reset(); return false; }}
            onRemove={() => { setFile(null); setFileList([]); reset(); }}
          >
            <Button data-testid="import-pick">选择文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Checkbox checked={create} onChange={(e) => { setCreate(e.target.checked); reset(); }}>名单中没有的代表，按姓名新建代表信息（否则作为错误报告）</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" disabled={!sessionId || !file} loading={check.isPending} onClick={() => check.mutate()} data-testid="import-check">检查文件</Button>
          {report?.ok && !imported && <Button type="primary" danger loading={run.isPending} onClick={() => run.mutate()} data-testid="import-confirm">确认导入 {report.totalRows} 件</Button>}
        </Space>
      </Form>
      {report && <ReportView report={report} imported={imported} />}
    </div>
  );
}

function ReportView({ report, imported }: { report: ImportReport; imported: ImportReport | null }) {
  const rows = [...report.rows].sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.row - b.row);
  return (
    <div style={{ marginTop: 24 }} data-testid="import-report">
      {imported ? (
        <Alert type="success" showIcon message={`已导入 ${imported.imported} 件建议到${imported.sessionName}，状态为“待立案”。`} description={<Link to={`/suggestions?sessionId=${imported.sessionId}`}>查看本届次建议</Link>} />
      ) : report.ok ? (
        <Alert type="success" showIcon message={`检查通过：共 ${report.totalRows} 件，可以导入。`} description={report.deputiesToCreate.length ? `将新建代表：${report.deputiesToCreate.join('、')}` : undefined} />
      ) : (
        <Alert type="error" showIcon message={`${report.errorRows} 行有问题，整份文件不会导入。请按下表修改后重新检查。`} description={`共 ${report.totalRows} 行，其中 ${report.validRows} 行无误。`} />
      )}
      <Descriptions size="small" style={{ marginTop: 12 }} column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="文件">{report.fileName}</Descriptions.Item>
        <Descriptions.Item label="工作表">{report.sheetName}（表头在第 {report.headerRow} 行）</Descriptions.Item>
        <Descriptions.Item label="届次">{report.sessionName}</Descriptions.Item>
      </Descriptions>
      <div style={{ margin: '8px 0 12px' }}>
        <Typography.Text type="secondary">识别的列：</Typography.Text>
        {report.columns.map((c) => (
          <Tag key={c.column} color={c.field ? 'blue' : 'default'}>{c.column} 列“{c.header}”{c.field ? ` → ${c.fieldLabel}` : '（不导入）'}</Tag>
        ))}
      </div>
      <Table<Row>
        rowKey="row" size="small" dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 1000 }}
        rowClassName={(r) => (r.errors.length ? 'import-row-error' : '')}
        onRow={(r) => ({ style: r.errors.length ? { background: '#fff1f0' } : undefined })}
        columns={[
          { title: '行号', dataIndex: 'row', width: 64 },
          { title: '编号', dataIndex: 'number', width: 70, render: (v) => v ?? '—' },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '领衔代表', dataIndex: 'leadDeputy', width: 90 },
          { title: '附议代表', dataIndex: 'coSigners', width: 180, render: (v: string[]) => v.join('、') || '—' },
          { title: '类别', dataIndex: 'category', width: 90 },
          {
            title: '检查结果', key: 'issues', width: 320, render: (_, r) => r.errors.length || r.warnings.length ? (
              <Space orientation="vertical" size={2}>
                {r.errors.map((e, i) => <Typography.Text key={`e${i}`} type="danger" data-testid="row-error">第 {r.row} 行：{e}</Typography.Text>)}
                {r.warnings.map((w, i) => <Typography.Text key={`w${i}`} type="warning">{w}</Typography.Text>)}
                {r.newDeputies.length > 0 && <Typography.Text type="secondary">将新建代表：{r.newDeputies.join('、')}</Typography.Text>}
              </Space>
            ) : <Tag color="green">无误</Tag>,
          },
        ]}
      />
    </div>
  );
}

/** Import (organizer) and export of suggestion lists as .xlsx. */
export default function ImportPage() {
  const me = useMe();
  const organizer = me.user.role === 'organizer';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {organizer && <Card title="从 Excel 导入建议"><ImportPanel /></Card>}
      <Card title="导出建议清单"><ExportPanel /></Card>
    </Space>
  );
}
