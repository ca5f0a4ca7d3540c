import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin, Button } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MeProvider, useMeQuery } from './lib/auth';
import { AppLayout } from './layout/AppLayout';
import { PAGES } from './pages';
import { canSee } from './nav';
import LoginPage from './pages/LoginPage';
import { NotFoundPage, RouteErrorPage } from './pages/ErrorPages';
import './app.css';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function RequireLogin() {
  const { data: me, isLoading, error } = useMeQuery();
  const location = useLocation();
  if (isLoading) return <div style={{ padding: 80, textAlign: 'center' }}><Spin size="large" /></div>;
  if (error) return <Result status="error" title="无法连接服务器" subTitle={(error as Error).message} extra={<Button onClick={() => window.location.reload()}>重试</Button>} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return (
    <MeProvider me={me}>
      <AppLayout>
        <Suspense fallback={<div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>}>
          <Outlet />
        </Suspense>
      </AppLayout>
    </MeProvider>
  );
}

function RoleGate({ roles, children }: { roles: (typeof PAGES)[number]['roles']; children: React.ReactNode }) {
  const { data: me } = useMeQuery();
  if (!me || !canSee({ roles }, me.user.role)) return <Result status="403" title="无权访问" subTitle="当前账号的角色不能访问此页面。" />;
  return <>{children}</>;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireLogin />,
    errorElement: <RouteErrorPage />,
    children: [
      ...PAGES.map((p) => ({ path: p.path, element: <RoleGate roles={p.roles}>{p.element}</RoleGate> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b4232a', borderRadius: 4 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
