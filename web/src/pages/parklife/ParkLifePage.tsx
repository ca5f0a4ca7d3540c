import { Alert, Card, Spin, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ParkLife } from './types';
import { FacilitiesTab } from './FacilitiesTab';
import { BusRoutesTab } from './BusRoutesTab';
import { GreeningTab } from './GreeningTab';
import { UtilitiesTab } from './UtilitiesTab';
import { EnrolmentTab } from './EnrolmentTab';

export default function ParkLifePage() {
  const q = useQuery({ queryKey: ['parklife'], queryFn: () => api.get<ParkLife>('/api/parklife'), refetchInterval: 60_000 });
  if (q.isLoading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  if (q.error) return <Alert type="error" showIcon title={(q.error as Error).message} />;
  const d = q.data!;
  return (
    <Card title="园区生活" extra={<Typography.Text type="secondary">公开门户同步展示（内部备注和标为不公开的内容除外）</Typography.Text>}>
      {!d.canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="只读：园区生活信息由管委会维护。" />}
      <Tabs items={[
        { key: 'facilities', label: `设施（${d.facilities.length}）`, children: <FacilitiesTab rows={d.facilities} canEdit={d.canEdit} /> },
        { key: 'bus', label: '公交线路', children: <BusRoutesTab rows={d.busRoutes} canEdit={d.canEdit} /> },
        { key: 'greening', label: '绿化', children: <GreeningTab years={d.greening} canEdit={d.canEdit} today={d.today} /> },
        { key: 'utilities', label: '水电暖气', children: <UtilitiesTab rows={d.utilities} canEdit={d.canEdit} /> },
        { key: 'enrolment', label: '入学信息', children: <EnrolmentTab rows={d.enrolment} facilities={d.facilities} canEdit={d.canEdit} /> },
      ]} />
    </Card>
  );
}
