import { useState } from 'react';
import { Alert, Card, Col, Descriptions, List, Result, Row, Tag, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import type { CheckResult } from './types';

const MAX_BYTES = 10 * 1024 * 1024;

const RULES = [
  { key: 'page', label: '页面', children: 'A4；上 37 mm、下 35 mm、左 28 mm、右 26 mm' },
  { key: 'grid', label: '版心', children: '每页 22 行，每行 28 字' },
  { key: 'fonts', label: '字体', children: '标题 二号方正小标宋简体；正文 三号仿宋_GB2312；一级标题 黑体；二级标题 楷体_GB2312' },
  { key: 'number', label: '发文字号', children: '六角括号〔〕，年份写全，序号不编虚位、不加“第”，如 高工信发〔2024〕37号' },
  { key: 'date', label: '成文日期', children: '阿拉伯数字，年月日齐全，不编虚位，如 2024年8月22日' },
  { key: 'other', label: '其他', children: '标题、结束语（如“以上答复你们是否满意”）、附注（联系人和电话）、页码“— 1 —”居外侧' },
];

/** Upload any .docx and see where it departs from GB/T 9704-2012, in Chinese, with where each departure is. */
export default function FormatCheckPage() {
  const [error, setError] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: (file: File) => api.uploadFile<CheckResult>('/api/documents/check', file),
    onMutate: () => setError(null),
    onError: (e) => setError(e instanceof ApiError ? e.message : '检查失败，请稍后再试'),
  });
  const r = check.data;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title="公文格式检查">
          <div data-testid="check-upload">
            <Upload.Dragger
              accept=".docx" multiple={false} showUploadList={false}
              beforeUpload={(file) => {
                if (!file.name.toLowerCase().endsWith('.docx')) setError('只能检查 .docx 文件（Word 2007 及以后的格式）；.doc 请先另存为 .docx');
                else if (file.size > MAX_BYTES) setError('文件不能超过 10 MB');
                else check.mutate(file);
                return false;
              }}
            >
              <p style={{ fontSize: 16, marginTop: 8 }}>点击或拖入一份 .docx 答复或公文</p>
              <p style={{ color: 'rgba(0,0,0,0.45)' }}>按 GB/T 9704-2012《党政机关公文格式》逐项检查，不超过 10 MB</p>
            </Upload.Dragger>
          </div>
          {error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={error} />}
          <Descriptions title="检查哪些方面" size="small" column={1} style={{ marginTop: 24 }} items={RULES} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={r ? `检查结果：${r.fileName}` : '检查结果'} loading={check.isPending} data-testid="check-result">
          {!r && !check.isPending && <Typography.Text type="secondary">上传文件后在此列出不符合标准的地方。</Typography.Text>}
          {r && r.ok && (
            <Result status="success" title="未发现不符合 GB/T 9704 的地方" subTitle={`${r.fileName} · 检查于 ${formatInstant(r.checkedAt)}`} />
          )}
          {r && !r.ok && (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`发现 ${r.issues.length} 处不符合`} description={`${r.fileName} · 检查于 ${formatInstant(r.checkedAt)}`} />
              <List
                data-testid="check-issues"
                dataSource={r.issues}
                renderItem={(i, n) => (
                  <List.Item>
                    <List.Item.Meta
                      avatar={<Tag color="orange">{n + 1}</Tag>}
                      title={i.where}
                      description={<Typography.Text>{i.message}</Typography.Text>}
                    />
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
