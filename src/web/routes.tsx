import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFoundResult } from './components/ErrorResult.tsx';
import { PageLoading } from './components/PageLoading.tsx';

const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const HomeRedirect = lazy(() => import('./pages/HomeRedirect.tsx'));
const OrgsPage = lazy(() => import('./pages/orgs/OrgsPage.tsx'));
const OrgPanel = lazy(() => import('./pages/orgs/OrgPanel.tsx'));
const OrgSelectHint = lazy(() => import('./pages/orgs/OrgSelectHint.tsx'));
const PeoplePage = lazy(() => import('./pages/people/PeoplePage.tsx'));
const PersonNewPage = lazy(() => import('./pages/people/PersonNewPage.tsx'));
const PersonDetailPage = lazy(() => import('./pages/people/PersonDetailPage.tsx'));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const PasswordPage = lazy(() => import('./pages/PasswordPage.tsx'));
const CompliancePage = lazy(() => import('./pages/compliance/CompliancePage.tsx'));
const ScorecardPage = lazy(() => import('./pages/compliance/ScorecardPage.tsx'));
const FindingsPage = lazy(() => import('./pages/compliance/FindingsPage.tsx'));
const StandardsPage = lazy(() => import('./pages/standards/StandardsPage.tsx'));
const PackDocPage = lazy(() => import('./pages/standards/PackDocPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const MyCalendarPage = lazy(() => import('./pages/calendar/MyCalendarPage.tsx'));
const OrgCalendarPage = lazy(() => import('./pages/calendar/OrgCalendarPage.tsx'));
const MeetingFormPage = lazy(() => import('./pages/meetings/MeetingFormPage.tsx'));
const MeetingDetailPage = lazy(() => import('./pages/meetings/MeetingDetailPage.tsx'));
const ReviewQueuePage = lazy(() => import('./pages/meetings/ReviewQueuePage.tsx'));
const LedgerPage = lazy(() => import('./pages/ledger/LedgerPage.tsx'));

/** All routes; every page is a lazily loaded chunk. */
export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/orgs/:id/ledger',
    element: (
      <Suspense fallback={<PageLoading />}>
        <LedgerPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'orgs',
        element: <OrgsPage />,
        children: [
          { index: true, element: <OrgSelectHint /> },
          { path: ':id', element: <OrgPanel /> },
          { path: ':id/calendar', element: <OrgCalendarPage /> },
        ],
      },
      { path: 'orgs/:orgId/meetings/new', element: <MeetingFormPage /> },
      { path: 'meetings/review', element: <ReviewQueuePage /> },
      { path: 'meetings/:id', element: <MeetingDetailPage /> },
      { path: 'meetings/:id/edit', element: <MeetingFormPage /> },
      { path: 'home', element: <HomePage /> },
      { path: 'me/calendar', element: <MyCalendarPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/new', element: <PersonNewPage /> },
      { path: 'people/:id', element: <PersonDetailPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'compliance', element: <CompliancePage /> },
      { path: 'compliance/findings', element: <FindingsPage /> },
      { path: 'compliance/orgs/:id', element: <ScorecardPage /> },
      { path: 'standards', element: <StandardsPage /> },
      { path: 'standards/:id', element: <PackDocPage /> },
      { path: 'account/password', element: <PasswordPage /> },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
]);
