import { App as AntApp, ConfigProvider, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { Role } from './api/types.ts';
import { Shell } from './layout/Shell.tsx';
import { I18nProvider, useI18n } from './lang.tsx';
import { BlockedPage } from './pages/BlockedPage.tsx';
import { FaqPage } from './pages/FaqPage.tsx';
import { ForgotPage } from './pages/ForgotPage.tsx';
import { ForbiddenPage, NotFoundPage } from './pages/NotFoundPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { QueryPage } from './pages/QueryPage.tsx';
import { ResetPasswordPage } from './pages/ResetPasswordPage.tsx';
import { VerifyEmailPage } from './pages/VerifyEmailPage.tsx';
import { landing, safeNext, SessionProvider, useSession } from './session.tsx';

export function App() {
  return (
    <I18nProvider>
      <Localised>
        <SessionProvider>
          <Shell>
            <AppRoutes />
          </Shell>
        </SessionProvider>
      </Localised>
    </I18nProvider>
  );
}

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      // Colours chosen for WCAG AA (4.5:1) on white and on the grey page background (#f5f5f5), checked by axe-core in the
      // browser tests: antd's defaults for links (#1677ff, 4.1:1), errors (#ff4d4f, 3.3:1), secondary text (#8c8c8c)
      // and placeholders (#bfbfbf, 1.8:1) fall short.
      theme={{
        token: {
          colorPrimary: '#1668dc',
          // antd derives lighter hover/active shades (#3c8ae8: 3.5:1 under white text); darker ones keep 4.5:1.
          colorPrimaryHover: '#0f56b8',
          colorPrimaryActive: '#0b4594',
          colorLink: '#1461cc',
          colorInfo: '#1461cc',
          colorError: '#cf1322',
          borderRadius: 4,
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
        },
      }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp message={{ maxCount: 2 }}>{children}</AntApp>
    </ConfigProvider>
  );
}

/**
 * The public pages load at once (the block page is what strangers see); the console's pages load when opened. A
 * page file missing after a new release was installed means this tab runs the old build: reload it, once.
 */
function page<T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) {
  return lazy(() =>
    load()
      .then((module) => {
        sessionStorage.removeItem('openbeian.reloaded');
        return { default: module[name] as ComponentType };
      })
      .catch((error: unknown) => {
        if (sessionStorage.getItem('openbeian.reloaded')) throw error;
        sessionStorage.setItem('openbeian.reloaded', '1');
        window.location.reload();
        return new Promise<never>(() => undefined);
      }),
  );
}
const ButlerPage = page(() => import('./butler/ButlerPage.tsx'), 'ButlerPage');
const IspLicencePage = page(() => import('./butler/IspLicencePage.tsx'), 'IspLicencePage');
const TicketPage = page(() => import('./butler/TicketPage.tsx'), 'TicketPage');
const CommercialLicencePage = page(() => import('./aftercare/CommercialLicencePage.tsx'), 'CommercialLicencePage');
const PoliceFilingPage = page(() => import('./aftercare/PoliceFilingPage.tsx'), 'PoliceFilingPage');
const ComplianceViolationsPage = page(() => import('./pages/compliance-violations.tsx'), 'ComplianceViolationsPage');
const ApiTokensPage = page(() => import('./pages/ApiTokensPage.tsx'), 'ApiTokensPage');
const DashboardPage = page(() => import('./pages/DashboardPage.tsx'), 'DashboardPage');
const FiledSubjectPage = page(() => import('./pages/FiledSubjectPage.tsx'), 'FiledSubjectPage');
const FilingsPage = page(() => import('./pages/FilingsPage.tsx'), 'FilingsPage');
const MobileHandoffPage = page(() => import('./pages/MobileHandoffPage.tsx'), 'MobileHandoffPage');
const OrderPage = page(() => import('./pages/OrderPage.tsx'), 'OrderPage');
const OrdersPage = page(() => import('./pages/OrdersPage.tsx'), 'OrdersPage');
const ResourcesPage = page(() => import('./pages/ResourcesPage.tsx'), 'ResourcesPage');
const ReviewOrderPage = page(() => import('./review/ReviewOrderPage.tsx'), 'ReviewOrderPage');
const ReviewQueuePage = page(() => import('./review/ReviewQueuePage.tsx'), 'ReviewQueuePage');
const ChangePasswordPage = page(() => import('./pages/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const IdCheckPage = page(() => import('./pages/IdCheckPage.tsx'), 'IdCheckPage');
const MisuseReportsPage = page(() => import('./pages/MisuseReportsPage.tsx'), 'MisuseReportsPage');
const WizardPage = page(() => import('./wizard/WizardPage.tsx'), 'WizardPage');
const NoticesPage = page(() => import('./pages/NoticesPage.tsx'), 'NoticesPage');
const ComplianceFindingsPage = page(() => import('./pages/ComplianceFindingsPage.tsx'), 'ComplianceFindingsPage');
const ComplianceFilingPage = page(() => import('./pages/ComplianceFilingPage.tsx'), 'ComplianceFilingPage');
const ComplianceSweepsPage = page(() => import('./pages/ComplianceSweepsPage.tsx'), 'ComplianceSweepsPage');

const APPLICANT: Role[] = ['applicant'];
const REVIEWERS: Role[] = ['reviewer', 'admin'];
const DASHBOARD: Role[] = ['reviewer', 'admin', 'compliance'];
const RESOURCES: Role[] = ['applicant', 'admin'];
const BUTLER: Role[] = ['applicant', 'butler', 'admin'];

function AppRoutes() {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Skeleton active />;
  /** Once logged in, the login and register pages send the user back where they came from (?next=), or home. */
  const afterLogin = user ? (safeNext(new URLSearchParams(location.search).get('next')) ?? landing(user.role)) : '/';
  /** Logged-out visitors go to the login page and come back; a wrong role sees why it cannot. */
  const guard = (element: ReactNode, roles?: Role[]) => {
    if (!user)
      return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    if (roles && !roles.includes(user.role)) return <ForbiddenPage />;
    return element;
  };
  return (
    <Suspense fallback={<Skeleton active />}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/query" element={<QueryPage />} />
        <Route path="/faq" element={<FaqPage />} />
        <Route path="/blocked" element={<BlockedPage />} />
        <Route
          path="/login"
          element={user ? <Navigate to={afterLogin} replace /> : <LoginPage mode="login" />}
        />
        <Route
          path="/register"
          element={user ? <Navigate to={afterLogin} replace /> : <LoginPage mode="register" />}
        />
        <Route path="/forgot" element={<ForgotPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/id-check" element={<IdCheckPage />} />
        <Route path="/privacy/reports" element={guard(<MisuseReportsPage />, ['admin', 'compliance'])} />
        <Route path="/account/password" element={guard(<ChangePasswordPage />)} />
        <Route path="/m/:token" element={<MobileHandoffPage />} />
        <Route path="/orders" element={guard(<OrdersPage />, APPLICANT)} />
        <Route path="/orders/new" element={guard(<WizardPage />, APPLICANT)} />
        <Route path="/filings/new" element={guard(<WizardPage />, APPLICANT)} />
        <Route path="/orders/:id/edit" element={guard(<WizardPage />, APPLICANT)} />
        <Route path="/orders/:id" element={guard(<OrderPage />)} />
        <Route path="/filings" element={guard(<FilingsPage />)} />
        <Route path="/filings/:number" element={guard(<FiledSubjectPage />)} />
        <Route path="/filings/:number/services/:service/police" element={guard(<PoliceFilingPage />)} />
        <Route path="/filings/:number/commercial-licence" element={guard(<CommercialLicencePage />, APPLICANT)} />
        <Route path="/resources" element={guard(<ResourcesPage />, RESOURCES)} />
        <Route path="/review" element={guard(<ReviewQueuePage />, REVIEWERS)} />
        <Route path="/review/:id" element={guard(<ReviewOrderPage />, REVIEWERS)} />
        <Route path="/dashboard" element={guard(<DashboardPage />, DASHBOARD)} />
        <Route path="/butler" element={guard(<ButlerPage />, BUTLER)} />
        <Route path="/butler/tickets/:id" element={guard(<TicketPage />, BUTLER)} />
        <Route path="/isp-licence" element={<IspLicencePage />} />
        <Route path="/compliance/violations" element={guard(<ComplianceViolationsPage />, ['compliance', 'admin'])} />
        <Route path="/notices" element={guard(<NoticesPage />)} />
        <Route path="/compliance/findings" element={guard(<ComplianceFindingsPage />, ['compliance', 'admin'])} />
        <Route path="/compliance/filings/:number" element={guard(<ComplianceFilingPage />, ['compliance', 'admin'])} />
        <Route path="/admin/api-tokens" element={guard(<ApiTokensPage />, ['admin'])} />
        <Route path="/compliance/sweeps" element={guard(<ComplianceSweepsPage />, ['compliance', 'admin'])} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
