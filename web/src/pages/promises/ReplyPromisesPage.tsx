import { Link, useParams } from 'react-router';
import { Breadcrumb, Space } from 'antd';
import { ReplyPromisesHeader, ReplyPromisesPanel, useReplyPromises } from './ReplyPromisesPanel';

/** /promises/reply/:replyId — the promises of one reply: proposals to confirm, confirmed, discarded. */
export default function ReplyPromisesPage() {
  const { replyId = '' } = useParams();
  const q = useReplyPromises(replyId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/promises">承诺台账</Link> }, { title: '答复中的承诺' }]} />
      {q.data && <ReplyPromisesHeader panel={q.data} />}
      <ReplyPromisesPanel replyId={replyId} />
    </Space>
  );
}
