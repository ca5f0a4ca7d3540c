import { Link, useRouteError } from 'react-router';
import { Button, Result } from 'antd';

export function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移动。" extra={<Link to="/"><Button type="primary">返回工作台</Button></Link>} />;
}

export function RouteErrorPage() {
  const error = useRouteError() as Error | undefined;
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={error?.message ? `错误信息：${error.message}` : '请刷新页面重试；如果问题持续，请联系管理员。'}
      extra={<Button type="primary" onClick={() => window.location.assign('/')}>返回工作台</Button>}
    />
  );
}
