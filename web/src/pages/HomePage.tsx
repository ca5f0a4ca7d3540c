import { Suspense } from 'react';
import { Link } from 'react-router';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useMe } from '../lib/auth';
import { NAV, canSee } from '../nav';
import { HOME_WIDGETS } from '../home';

const ROLE_INTRO: Record<string, string> = {
  admin: '管理用户、单位、工作日历与规则，查看审计日志。',
  organizer: '登记与交办建议，审核退办与延期，督办、发布与统计。',
  unit_staff: '签收本单位承办的建议，逐条起草答复，更新承诺落实进度。',
  deputy: '提出与附议建议，查看答复并评价办理与落实情况。',
  zone_staff: '维护重点项目进度、园区生活信息与企业服务。',
  agent: '接收系统通知，查看公众门户上已公开的答复、承诺落实、重点项目进度和园区生活信息。',
  enterprise: '接收系统通知，查看公众门户上已公开的答复、承诺落实、重点项目进度和园区生活信息。',
};

export default function HomePage() {
  const me = useMe();
  const links = NAV.filter((n) => n.path !== '/' && canSee(n, me.user.role));
  const widgets = HOME_WIDGETS.filter((w) => canSee(w, me.user.role));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card data-testid="home-welcome">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          您好，{me.user.displayName} <Tag color="red">{me.user.roleLabel}</Tag>
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {me.user.orgUnitName ? `${me.user.orgUnitName} · ` : ''}{ROLE_INTRO[me.user.role]}
        </Typography.Paragraph>
        <Space wrap>
          {links.map((l) => (l.external ? <a key={l.path} href={l.path}>{l.label}</a> : <Link key={l.path} to={l.path}>{l.label}</Link>))}
        </Space>
        {me.demo && <Typography.Paragraph type="warning" style={{ marginTop: 12, marginBottom: 0 }}>当前为演示模式：数据均为演示数据（第187号建议取自公开答复原文）。</Typography.Paragraph>}
      </Card>
      <Row gutter={[16, 16]}>
        {widgets.map((w) => (
          <Col key={w.key} xs={24} lg={w.wide ? 24 : 12}>
            <Suspense fallback={<Card loading />}>{w.element}</Suspense>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
