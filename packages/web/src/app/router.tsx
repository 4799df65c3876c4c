/**
 * Routes. Addresses carry only record ids and non-personal filters (SPEC §12): no names, ID
 * numbers or phones. Pages load on demand so the login page stays light.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { Spin } from 'antd';
import { SessionProvider } from '../features/auth/session';
import { RequireSession } from '../features/auth/RequireSession';
import { LoginPage } from '../features/auth/LoginPage';
import type { RouteHandle } from '../features/layout/Breadcrumbs';
import { NotFoundPage } from './NotFoundPage';

function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <Lazy />
    </Suspense>
  );
}

const crumb = (f: RouteHandle['crumb']): RouteHandle => ({ crumb: f });

const router = createBrowserRouter([
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireSession>
            {page(() => import('../features/layout/AppLayout'), 'AppLayout')}
          </RequireSession>
        ),
        handle: crumb((m) => m.menu.dashboard),
        children: [
          { index: true, element: page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage') },
          {
            path: 'sites',
            handle: crumb((m) => m.menu.sites),
            children: [
              { index: true, element: page(() => import('../features/sites/SiteListPage'), 'SiteListPage') },
              { path: 'new', handle: crumb((m) => m.site.new), element: page(() => import('../features/sites/SiteFormPage'), 'SiteFormPage') },
              {
                path: ':id',
                handle: crumb((m) => m.site.detail),
                children: [
                  { index: true, element: page(() => import('../features/sites/SiteDetailPage'), 'SiteDetailPage') },
                  { path: 'edit', handle: crumb((m) => m.site.edit), element: page(() => import('../features/sites/SiteFormPage'), 'SiteFormPage') },
                ],
              },
            ],
          },
          {
            path: 'households',
            handle: crumb((m) => m.menu.households),
            children: [
              { index: true, element: page(() => import('../features/households/HouseholdListPage'), 'HouseholdListPage') },
              { path: 'new', handle: crumb((m) => m.household.new), element: page(() => import('../features/households/HouseholdFormPage'), 'HouseholdFormPage') },
              {
                path: ':id',
                handle: crumb((m) => m.household.detail),
                children: [
                  { index: true, element: page(() => import('../features/households/HouseholdDetailPage'), 'HouseholdDetailPage') },
                  { path: 'edit', handle: crumb((m) => m.household.edit), element: page(() => import('../features/households/HouseholdFormPage'), 'HouseholdFormPage') },
                  { path: 'members/new', handle: crumb((m) => m.person.new), element: page(() => import('../features/persons/PersonFormPage'), 'PersonFormPage') },
                ],
              },
            ],
          },
          {
            path: 'persons',
            handle: crumb((m) => m.menu.persons),
            children: [
              { index: true, element: page(() => import('../features/persons/PersonListPage'), 'PersonListPage') },
              {
                path: ':id',
                handle: crumb((m) => m.person.detail),
                children: [
                  { index: true, element: page(() => import('../features/persons/PersonDetailPage'), 'PersonDetailPage') },
                  { path: 'edit', handle: crumb((m) => m.person.edit), element: page(() => import('../features/persons/PersonFormPage'), 'PersonFormPage') },
                ],
              },
            ],
          },
          {
            path: 'employers',
            handle: crumb((m) => m.menu.employers),
            children: [
              { index: true, element: page(() => import('../features/employers/EmployerListPage'), 'EmployerListPage') },
              { path: 'new', handle: crumb((m) => m.employer.new), element: page(() => import('../features/employers/EmployerFormPage'), 'EmployerFormPage') },
              {
                path: ':id',
                handle: crumb((m) => m.employer.detail),
                children: [
                  { index: true, element: page(() => import('../features/employers/EmployerDetailPage'), 'EmployerDetailPage') },
                  { path: 'edit', handle: crumb((m) => m.employer.edit), element: page(() => import('../features/employers/EmployerFormPage'), 'EmployerFormPage') },
                ],
              },
            ],
          },
          { path: 'employment/ledger', handle: crumb((m) => m.menu.labourLedger), element: page(() => import('../features/employment/LedgerPage'), 'LedgerPage') },
          { path: 'employment/zero-households', handle: crumb((m) => m.menu.zeroHouseholds), element: page(() => import('../features/employment/ZeroHouseholdsPage'), 'ZeroHouseholdsPage') },
          { path: 'employment/figures', handle: crumb((m) => m.menu.employmentFigures), element: page(() => import('../features/employment/FiguresPage'), 'FiguresPage') },
          {
            path: 'training',
            handle: crumb((m) => m.menu.training),
            children: [
              { index: true, element: page(() => import('../features/training/TrainingListPage'), 'TrainingListPage') },
              { path: 'new', handle: crumb((m) => m.training.new), element: page(() => import('../features/training/TrainingFormPage'), 'TrainingFormPage') },
              {
                path: ':id',
                handle: crumb((m) => m.training.detail),
                children: [
                  { index: true, element: page(() => import('../features/training/TrainingDetailPage'), 'TrainingDetailPage') },
                  { path: 'edit', handle: crumb((m) => m.training.edit), element: page(() => import('../features/training/TrainingFormPage'), 'TrainingFormPage') },
                ],
              },
            ],
          },
          {
            path: 'welfare-posts',
            handle: crumb((m) => m.menu.welfarePosts),
            children: [
              { index: true, element: page(() => import('../features/welfare-posts/WelfarePostListPage'), 'WelfarePostListPage') },
              { path: 'new', handle: crumb((m) => m.welfarePost.new), element: page(() => import('../features/welfare-posts/WelfarePostFormPage'), 'WelfarePostFormPage') },
              {
                path: ':id',
                handle: crumb((m) => m.welfarePost.detail),
                children: [
                  { index: true, element: page(() => import('../features/welfare-posts/WelfarePostDetailPage'), 'WelfarePostDetailPage') },
                  { path: 'edit', handle: crumb((m) => m.welfarePost.edit), element: page(() => import('../features/welfare-posts/WelfarePostFormPage'), 'WelfarePostFormPage') },
                ],
              },
            ],
          },
          {
            path: 'workshops',
            handle: crumb((m) => m.menu.workshops),
            children: [
              { index: true, element: page(() => import('../features/workshops/WorkshopListPage'), 'WorkshopListPage') },
              { path: ':id', handle: crumb((m) => m.workshop.detail), element: page(() => import('../features/workshops/WorkshopPage'), 'WorkshopPage') },
            ],
          },
          {
            path: 'job-openings',
            handle: crumb((m) => m.menu.jobOpenings),
            children: [
              { index: true, element: page(() => import('../features/job-openings/JobOpeningListPage'), 'JobOpeningListPage') },
              { path: 'new', handle: crumb((m) => m.jobOpening.new), element: page(() => import('../features/job-openings/JobOpeningFormPage'), 'JobOpeningFormPage') },
              {
                path: ':id',
                handle: crumb((m) => m.jobOpening.detail),
                children: [
                  { index: true, element: page(() => import('../features/job-openings/JobOpeningDetailPage'), 'JobOpeningDetailPage') },
                  { path: 'edit', handle: crumb((m) => m.jobOpening.edit), element: page(() => import('../features/job-openings/JobOpeningFormPage'), 'JobOpeningFormPage') },
                ],
              },
            ],
          },
          {
            path: 'policy/packs',
            handle: crumb((m) => m.menu.policyPacks),
            children: [
              { index: true, element: page(() => import('../features/policy/PackListPage'), 'PackListPage') },
              { path: ':code', handle: crumb((m) => m.menu.policyPack), element: page(() => import('../features/policy/PackPage'), 'PackPage') },
            ],
          },
          { path: 'policy/coverage', handle: crumb((m) => m.menu.policyCoverage), element: page(() => import('../features/policy/CoveragePage'), 'CoveragePage') },
          { path: 'policy/entitlements', handle: crumb((m) => m.menu.entitlements), element: page(() => import('../features/policy/EntitlementsPage'), 'EntitlementsPage') },
          { path: 'monitoring/warnings', handle: crumb((m) => m.menu.monitoringWarnings), element: page(() => import('../features/monitoring/WarningsPage'), 'WarningsPage') },
          {
            path: 'monitoring/cases',
            handle: crumb((m) => m.menu.monitoringCases),
            children: [
              { index: true, element: page(() => import('../features/monitoring/CasesPage'), 'CasesPage') },
              { path: ':id', handle: crumb((m) => m.menu.monitoringCase), element: page(() => import('../features/monitoring/CasePage'), 'CasePage') },
            ],
          },
          { path: 'monitoring/settings', handle: crumb((m) => m.menu.monitoringSettings), element: page(() => import('../features/monitoring-settings/MonitoringSettingsPage'), 'MonitoringSettingsPage') },
          { path: 'monitoring/tasks', handle: crumb((m) => m.menu.assistanceTasks), element: page(() => import('../features/monitoring-tasks/TasksPage'), 'TasksPage') },
          { path: 'monitoring/conversions', handle: crumb((m) => m.menu.safetyNetConversions), element: page(() => import('../features/safety-net/ConversionsPage'), 'ConversionsPage') },
          { path: 'monitoring/figures', handle: crumb((m) => m.menu.monitoringFigures), element: page(() => import('../features/monitoring-figures/MonitoringFiguresPage'), 'MonitoringFiguresPage') },
          { path: 'policy/simulation', handle: crumb((m) => m.menu.policySimulation), element: page(() => import('../features/policy/SimulationPage'), 'SimulationPage') },
          { path: 'imports', handle: crumb((m) => m.menu.imports), element: page(() => import('../features/imports/ImportCentrePage'), 'ImportCentrePage') },
          { path: 'admin/users', handle: crumb((m) => m.menu.users), element: page(() => import('../features/admin/UsersPage'), 'UsersPage') },
          { path: 'admin/audit', handle: crumb((m) => m.menu.audit), element: page(() => import('../features/admin/AuditLogPage'), 'AuditLogPage') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
