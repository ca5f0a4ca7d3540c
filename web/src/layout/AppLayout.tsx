import { useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Badge, Button, Dropdown, Grid, Layout, Menu, Space, Typography, Drawer, type MenuProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useLogout, useMe } from '../lib/auth';
import { api } from '../lib/api';
import { NAV, canSee } from '../nav';

const { Header, Sider, Content } = Layout;

function useMenuItems() {
  const me = useMe();
  return useMemo(() => {
    const visible = NAV.filter((n) => canSee(n, me.user.role));
    const groups = new Map<string, typeof visible>();
    for (const item of visible) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
    return [...groups.entries()].flatMap(([group, items]): NonNullable<MenuProps['items']> => {
      const entries = items.map((i) => ({ key: i.path, label: i.external ? <a href={i.path}>{i.label}</a> : <Link to={i.path}>{i.label}</Link> }));
      return group ? [{ type: 'group' as const, key: `g-${group}`, label: group, children: entries }] : entries;
    });
  }, [me.user.role]);
}

function selectedKey(pathname: string) {
  const keys = NAV.map((n) => n.path).filter((p) => p === pathname || (p !== '/' && pathname.startsWith(p + '/')) || p === pathname);
  return keys.sort((a, b) => b.length - a.length)[0] ?? pathname;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.lg;
  const [drawer, setDrawer] = useState(false);
  const items = useMenuItems();
  const unread = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications?unread=1'),
    refetchInterval: 60_000,
    // Until a temporary password is changed the server answers nothing else.
    enabled: !me.mustChangePassword,
  });
  const menu = (
    <Menu mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} onClick={() => setDrawer(false)} style={{ borderInlineEnd: 0 }} />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#b4232a' }}>区内办</div>
          {menu}
        </Sider>
      )}
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title="区内办">
        {menu}
      </Drawer>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 16px', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <Space>
            {mobile && <Button aria-label="菜单" onClick={() => setDrawer(true)}>☰</Button>}
            <Typography.Text strong style={{ fontSize: 16 }}>{mobile ? '区内办' : '高平经济技术开发区 · 区内办'}</Typography.Text>
          </Space>
          <Space size={mobile ? 8 : 16}>
            <Badge count={unread.data?.unread ?? 0} size="small">
              <Button type="text" onClick={() => navigate('/notifications')} aria-label="通知">通知</Button>
            </Badge>
            <Dropdown
              menu={{
                items: [
                  { key: 'who', label: `${me.user.roleLabel}${me.user.orgUnitName ? ` · ${me.user.orgUnitName}` : ''}`, disabled: true },
                  { key: 'password', label: '修改密码', onClick: () => navigate('/password') },
                  { key: 'logout', label: '退出登录', onClick: () => void logout() },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu">{me.user.displayName}</Button>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ padding: mobile ? 12 : 24 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
