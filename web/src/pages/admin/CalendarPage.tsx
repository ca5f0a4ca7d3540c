import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, ApiError, qs } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import CalendarCoverageAlert from './CalendarCoverageAlert';
import { formatDateCn } from '../../lib/format';

interface YearRow { year: number; source: string; importedAt: string; holidays: number; workdays: number }
interface Entry { date: string; kind: 'holiday' | 'workday'; name: string }

function Calculator() {
  const [result, setResult] = useState<{ date: string; explanation: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { start: Dayjs; n: number; unit: 'workdays' | 'months' }) => {
    setError(null);
    try {
      setResult(await api.get(`/api/calendar/compute${qs({ start: v.start.format('YYYY-MM-DD'), n: v.n, unit: v.unit })}`));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e.message : '计算失败');
    }
  };
  return (
    <Card title="期限计算器" size="small">
      <Form layout="inline" onFinish={onFinish} initialValues={{ n: 10, unit: 'workdays' }}>
        <Form.Item name="start" rules={[{ required: true, message: '请选择起算日' }]}><DatePicker placeholder="起算日（事件发生日）" /></Form.Item>
        <Form.Item name="n"><InputNumber min={0} max={400} /></Form.Item>
        <Form.Item name="unit"><Segmented options={[{ value: 'workdays', label: '个工作日' }, { value: 'months', label: '个月' }]} /></Form.Item>
        <Button htmlType="submit" type="primary">计算</Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="calc-result">
          <Typography.Title level={5}>截止日：{formatDateCn(result.date)}</Typography.Title>
          <List size="small" dataSource={result.explanation} renderItem={(l) => <List.Item>{l}</List.Item>} />
        </div>
      )}
    </Card>
  );
}

export default function CalendarPage() {
  const years = useQuery({ queryKey: ['calendar', 'years'], queryFn: () => api.get<YearRow[]>('/api/calendar/years') });
  const [year, setYear] = useState<number | null>(null);
  const entries = useQuery({ queryKey: ['calendar', 'entries', year], queryFn: () => api.get<Entry[]>(`/api/calendar/years/${year}`), enabled: !!year });
  const [form] = Form.useForm();
  const importYear = useApiMutation((v: { year: number; text: string; source: string }) => api.put(`/api/calendar/years/${v.year}`, { text: v.text, source: v.source }), {
    invalidate: [['calendar']], success: '已导入', onSuccess: () => form.resetFields(['text']),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <CalendarCoverageAlert />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="已导入的年度" size="small">
            <Table<YearRow> rowKey="year" size="small" pagination={false} loading={years.isLoading} dataSource={years.data}
              onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' } })}
              columns={[
                { title: '年度', dataIndex: 'year', render: (y) => <a>{y}</a> },
                { title: '放假天数', dataIndex: 'holidays' },
                { title: '调休上班', dataIndex: 'workdays' },
                { title: '来源', dataIndex: 'source' },
              ]} />
            {year && (
              <div style={{ marginTop: 16 }}>
                <Typography.Title level={5}>{year} 年安排</Typography.Title>
                <Space wrap size={[4, 4]}>
                  {(entries.data ?? []).map((e) => <Tag key={e.date} color={e.kind === 'holiday' ? 'red' : 'blue'}>{formatDateCn(e.date)} {e.kind === 'holiday' ? '休' : '班'} {e.name}</Tag>)}
                </Space>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="导入或替换一个年度" size="small">
            <Typography.Paragraph type="secondary">国务院办公厅发布次年节假日安排后，在此逐行录入：放假日写“休”，可写区间；调休上班日写“班”，逐日填写。</Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={(v) => importYear.mutate(v)} initialValues={{ year: new Date().getFullYear() + 1 }}>
              <Form.Item label="年度" name="year" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
              <Form.Item label="来源" name="source" rules={[{ required: true, message: '请填写来源' }]}><Input placeholder="如：国办发明电〔2026〕X号" /></Form.Item>
              <Form.Item label="安排" name="text" rules={[{ required: true, message: '请填写安排' }]}>
                <Input.TextArea rows={8} placeholder={'2027-01-01 休 元旦\n2027-02-05~2027-02-11 休 春节\n2027-02-14 班 春节调休上班'} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={importYear.isPending}>导入</Button>
            </Form>
          </Card>
        </Col>
      </Row>
      <Calculator />
    </Space>
  );
}
