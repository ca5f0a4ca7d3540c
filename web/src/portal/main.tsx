import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './portal.css';
import { Link, match, useLocation } from './router';
import { HomePage } from './pages/Home';
import { RepliesPage, ReplyPage } from './pages/Replies';
import { ProjectPage, ProjectsPage } from './pages/Projects';
import { LifePage } from './pages/Life';
import { PromisePage, PromisesPage } from './pages/Promises';

const TABS = [
  { to: '/public', label: '首页' },
  { to: '/public/replies', label: '答复' },
  { to: '/public/promises', label: '承诺' },
  { to: '/public/projects', label: '项目' },
  { to: '/public/life', label: '生活' },
];

function Page({ path }: { path: string }) {
  let m: Record<string, string> | null;
  if (path === '/public') return <HomePage />;
  if (path === '/public/replies') return <RepliesPage />;
  if ((m = match('/public/replies/:id', path))) return <ReplyPage id={m.id} />;
  if (path === '/public/promises') return <PromisesPage />;
  if ((m = match('/public/promises/:id', path))) return <PromisePage id={m.id} />;
  if (path === '/public/projects') return <ProjectsPage />;
  if ((m = match('/public/projects/:id', path))) return <ProjectPage id={m.id} />;
  if (path === '/public/life') return <LifePage />;
  return (
    <section>
      <h1>页面不存在</h1>
      <p>您访问的页面不存在或已被移动。<Link to="/public">返回首页</Link></p>
    </section>
  );
}

function Portal() {
  const { path } = useLocation();
  const active = TABS.slice().reverse().find((t) => path === t.to || path.startsWith(`${t.to}/`))?.to;
  return (
    <>
      <header className="top">
        <Link to="/public" className="brand">区内办 · 公开</Link>
        <a href="/login" className="login">工作人员登录</a>
      </header>
      <nav className="tabs" aria-label="栏目">
        {TABS.map((t) => <Link key={t.to} to={t.to} className={active === t.to ? 'active' : undefined}>{t.label}</Link>)}
      </nav>
      <main>
        <Page path={path} />
      </main>
      <footer>高平经济技术开发区 · 区内办公开信息 · 个人联系方式已依法隐去</footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
