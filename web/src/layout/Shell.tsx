import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  PlusCircleOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  UserOutlined,
  WarningOutlined,
  RadarChartOutlined,
} from '@ant-design/icons';
import { Breadcrumb, Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_NAMES, type MessageKey } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { useScrollableTablesFocusable } from '../components/useScrollableTablesFocusable.ts';
import { canSeeDashboard, isReviewer, useSession } from '../session.tsx';
import { PhoneMenu } from './PhoneMenu.tsx';

type Crumb = { key: MessageKey; to?: string };

/** Where a console page sits, for the breadcrumb: "我的备案订单 / 订单详情 / 填写备案信息". */
export function crumbsFor(pathname: string, role?: string): Crumb[] {
  const orders: Crumb = { key: 'nav.orders', to: '/orders' };
  const order = /^\/orders\/([^/]+)/.exec(pathname)?.[1];
  if (pathname === '/orders') return [{ key: 'nav.orders' }];
  if (pathname === '/orders/new' || pathname === '/filings/new') return [orders, { key: 'nav.newFiling' }];
  if (order && pathname.endsWith('/edit'))
    return [orders, { key: 'crumb.order', to: `/orders/${order}` }, { key: 'crumb.edit' }];
  if (order) return [orders, { key: 'crumb.order' }];
  if (pathname === '/filings') return [{ key: 'nav.filings' }];
  if (pathname.startsWith('/filings/')) return [{ key: 'nav.filings', to: '/filings' }, { key: 'crumb.filing' }];
  if (pathname === '/resources') return [{ key: role === 'admin' ? 'nav.resourcesAdmin' : 'nav.resources' }];
  if (pathname === '/review') return [{ key: 'nav.review' }];
  if (pathname.startsWith('/review/')) return [{ key: 'nav.review', to: '/review' }, { key: 'crumb.reviewOrder' }];
  if (pathname === '/dashboard') return [{ key: 'nav.dashboard' }];
  if (pathname === '/butler') return [{ key: role === 'applicant' ? 'butler.nav.applicant' : 'butler.nav.queue' }];
  if (pathname.startsWith('/butler/'))
    return [{ key: role === 'applicant' ? 'butler.nav.applicant' : 'butler.nav.queue', to: '/butler' }, { key: 'butler.crumb.ticket' }];
  if (pathname === '/notices') return [{ key: 'notices.title' }];
  if (pathname === '/compliance/findings') return [{ key: 'compliance.nav.findings' }];
  if (pathname.startsWith('/compliance/filings/')) return [{ key: 'compliance.nav.findings', to: '/compliance/findings' }, { key: 'compliance.crumb.filing' }];
  if (pathname === '/isp-licence') return [{ key: 'butler.nav.isp' }];
  if (pathname === '/admin/api-tokens') return [{ key: 'apiTokens.nav' }];
  if (pathname === '/compliance/violations') return [{ key: 'violations.nav' }];
  if (pathname === '/compliance/sweeps') return [{ key: 'sweeps.nav' }];
  if (pathname === '/query') return [{ key: 'nav.query' }];
  if (pathname === '/faq') return [{ key: 'nav.faq' }];
  return [];
}

/** The frame of a Chinese cloud console: dark top bar, left menu when logged in, breadcrumb, content. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang, pick } = useI18n();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isMobilePage = pathname.startsWith('/m/');
  const isNarrow = !Grid.useBreakpoint().md;
  useScrollableTablesFocusable(t('common.scrollTable'));
  const role = user?.role;
  const menu = user
    ? [
        ...(role === 'applicant'
          ? [
              { key: '/orders', icon: <FileTextOutlined />, label: <Link to="/orders">{t('nav.orders')}</Link> },
              {
                key: '/orders/new',
                icon: <PlusCircleOutlined />,
                label: <Link to="/orders/new">{t('nav.newFiling')}</Link>,
              },
              {
                key: '/filings',
                icon: <SafetyCertificateOutlined />,
                label: <Link to="/filings">{t('nav.filings')}</Link>,
              },
              {
                key: '/resources',
                icon: <KeyOutlined />,
                label: <Link to="/resources">{t('nav.resources')}</Link>,
              },
              {
                key: '/butler',
                icon: <CustomerServiceOutlined />,
                label: <Link to="/butler">{t('butler.nav.applicant')}</Link>,
              },
              {
                key: '/isp-licence',
                icon: <ApartmentOutlined />,
                label: <Link to="/isp-licence">{t('butler.nav.isp')}</Link>,
              },
            ]
          : []),
        ...(role === 'butler' || role === 'admin'
          ? [
              {
                key: '/butler',
                icon: <CustomerServiceOutlined />,
                label: <Link to="/butler">{t('butler.nav.queue')}</Link>,
              },
            ]
          : []),
        ...(isReviewer(role)
          ? [{ key: '/review', icon: <AuditOutlined />, label: <Link to="/review">{t('nav.review')}</Link> }]
          : []),
        ...(canSeeDashboard(role)
          ? [
              {
                key: '/dashboard',
                icon: <DashboardOutlined />,
                label: <Link to="/dashboard">{t('nav.dashboard')}</Link>,
              },
            ]
          : []),
        ...(role === 'admin'
          ? [
              {
                key: '/resources',
                icon: <KeyOutlined />,
                label: <Link to="/resources">{t('nav.resourcesAdmin')}</Link>,
              },
              {
                key: '/admin',
                icon: <ApiOutlined />,
                label: <Link to="/admin/api-tokens">{t('apiTokens.nav')}</Link>,
              },
            ]
          : []),
        // The butler sees its tickets, not the filings (their ID numbers are none of its business).
        ...(role && role !== 'applicant' && role !== 'butler'
          ? [
              {
                key: '/filings',
                icon: <SafetyCertificateOutlined />,
                label: <Link to="/filings">{t('nav.filings')}</Link>,
              },
            ]
          : []),
        ...(role === 'admin' || role === 'compliance'
          ? [{ key: '/compliance/findings', icon: <AuditOutlined />, label: <Link to="/compliance/findings">{t('compliance.nav.findings')}</Link> }]
          : []),
        ...(role === 'admin' || role === 'compliance'
          ? [{ key: '/compliance/violations', icon: <WarningOutlined />, label: <Link to="/compliance/violations">{t('violations.nav')}</Link> }]
          : []),
        ...(role === 'admin' || role === 'compliance'
          ? [{ key: '/compliance/sweeps', icon: <RadarChartOutlined />, label: <Link to="/compliance/sweeps">{t('sweeps.nav')}</Link> }]
          : []),
        ...(role === 'admin' || role === 'compliance'
          ? [{ key: '/privacy/reports', icon: <AuditOutlined />, label: <Link to="/privacy/reports">{t('security.reports.nav')}</Link> }]
          : []),
        { type: 'divider' as const },
        { key: '/query', icon: <SearchOutlined />, label: <Link to="/query">{t('nav.query')}</Link> },
        { key: '/id-check', icon: <SafetyCertificateOutlined />, label: <Link to="/id-check">{t('security.idCheck.nav')}</Link> },
        { key: '/faq', icon: <QuestionCircleOutlined />, label: <Link to="/faq">{t('nav.faq')}</Link> },
      ]
    : [];
  // Logged out on a phone: the site's links and the way in, in the same menu.
  const publicMenu = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    { key: '/query', icon: <SearchOutlined />, label: <Link to="/query">{t('nav.query')}</Link> },
    { key: '/faq', icon: <QuestionCircleOutlined />, label: <Link to="/faq">{t('nav.faq')}</Link> },
    { type: 'divider' as const },
    { key: '/login', icon: <UserOutlined />, label: <Link to="/login">{t('auth.login')}</Link> },
    { key: '/register', icon: <PlusCircleOutlined />, label: <Link to="/register">{t('auth.register')}</Link> },
  ];
  // The menu entry for where we are: the wizard under "start a filing", an order under "my orders".
  const current =
    pathname === '/filings/new' || pathname === '/orders/new'
      ? '/orders/new'
      : /^\/orders\//.test(pathname)
        ? '/orders'
        : `/${pathname.split('/')[1] ?? ''}`;
  const crumbs = user && !isMobilePage ? crumbsFor(pathname, role) : [];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          background: '#001529',
          paddingInline: isNarrow ? 12 : 24,
          height: 56,
          lineHeight: '56px',
        }}
      >
        {isNarrow && !isMobilePage && (
          <PhoneMenu
            items={user ? menu : publicMenu}
            selected={user ? current : pathname}
            label={user ? t('nav.main') : t('nav.public')}
          />
        )}
        <Link
          to="/"
          style={{
            color: '#fff',
            fontWeight: 600,
            fontSize: 16,
            whiteSpace: 'nowrap',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
          aria-label={t('app.name')}
        >
          <SafetyCertificateOutlined style={{ fontSize: 20, color: '#69b1ff' }} />
          {isNarrow ? 'OpenBeian' : t('app.name')}
        </Link>
        {!user && !isNarrow && !isMobilePage && (
          <nav aria-label={t('nav.public')} style={{ display: 'flex', gap: 20, marginLeft: 24 }}>
            <Link to="/" style={{ color: 'rgba(255,255,255,0.85)' }}>
              {t('nav.home')}
            </Link>
            <Link to="/query" style={{ color: 'rgba(255,255,255,0.85)' }}>
              {t('nav.query')}
            </Link>
            <Link to="/faq" style={{ color: 'rgba(255,255,255,0.85)' }}>
              {t('nav.faq')}
            </Link>
            <Link to="/id-check" style={{ color: 'rgba(255,255,255,0.85)' }}>
              {t('security.idCheck.nav')}
            </Link>
          </nav>
        )}
        <div style={{ flex: 1 }} />
        <Space size={isNarrow ? 4 : 8}>
          <Button
            size="small"
            icon={<GlobalOutlined />}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            aria-label={`${t('nav.language')} · ${t('nav.languageLabel')}`}
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
          >
            {t('nav.language')}
          </Button>
          {user ? (
            <Dropdown
              menu={{
                items: [
                  { key: 'who', label: user.displayName ?? user.email, disabled: true, icon: <UserOutlined /> },
                  { key: 'role', label: pick(ROLE_NAMES[user.role]), disabled: true },
                  { type: 'divider' },
                  { key: 'notices', label: t('notices.menu'), onClick: () => navigate('/notices') },
                  { key: 'password', label: t('security.password.menu'), onClick: () => navigate('/account/password') },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: t('auth.logout'),
                    onClick: () => void logout().then(() => navigate('/')),
                  },
                ],
              }}
            >
              <Button
                size="small"
                type="text"
                icon={<UserOutlined />}
                style={{ color: '#fff', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}
                aria-label={isNarrow ? t('nav.account') : undefined}
              >
                {isNarrow ? null : (user.displayName ?? user.email)}
              </Button>
            </Dropdown>
          ) : (
            !isMobilePage && (
              <>
                <Link to="/login">
                  <Button size="small" type="primary">
                    {t('auth.login')}
                  </Button>
                </Link>
                {!isNarrow && (
                  <Link to="/register">
                    <Button size="small" ghost>
                      {t('auth.register')}
                    </Button>
                  </Link>
                )}
              </>
            )
          )}
        </Space>
      </Layout.Header>
      <Layout>
        {user && !isMobilePage && !isNarrow && (
          <Layout.Sider
            width={208}
            breakpoint="md"
            collapsedWidth={0}
            theme="light"
            style={{ borderRight: '1px solid #f0f0f0' }}
            zeroWidthTriggerStyle={{ top: 8 }}
          >
            <nav aria-label={t('nav.main')}>
              <Menu mode="inline" selectedKeys={[current]} items={menu} style={{ borderInlineEnd: 0, paddingTop: 8 }} />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content
          id="main"
          tabIndex={-1}
          style={{
            padding: isMobilePage || isNarrow ? 12 : 24,
            maxWidth: 1320,
            width: '100%',
            margin: '0 auto',
            minWidth: 0,
            outline: 'none',
          }}
        >
          {crumbs.length > 0 && (
            <Breadcrumb
              style={{ marginBottom: 12 }}
              items={[
                {
                  title: (
                    <Link to="/" aria-label={t('nav.home')}>
                      <HomeOutlined />
                    </Link>
                  ),
                },
                ...crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{t(c.key)}</Link> : t(c.key) })),
              ]}
            />
          )}
          {children}
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12, padding: '16px 24px' }}>
        <Typography.Text type="secondary">{t('footer.text')} · </Typography.Text>
        <a href="https://beian.miit.gov.cn/" target="_blank" rel="noreferrer">
          beian.miit.gov.cn
        </a>
      </Layout.Footer>
    </Layout>
  );
}
