import { Link, useParams } from 'react-router';
import { Breadcrumb, Space } from 'antd';
import { PromiseDetail } from './PromiseDetail';

/** /promises/:id — one promise on a page of its own (what notifications link to). */
export default function PromisePage() {
  const { id = '' } = useParams();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/promises">承诺台账</Link> }, { title: '承诺详情' }]} />
      <PromiseDetail id={id} />
    </Space>
  );
}
