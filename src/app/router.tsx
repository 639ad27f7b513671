import { NuqsAdapter } from 'nuqs/adapters/react-router/v8';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteError } from './route-error.tsx';
import { Shell } from './shell.tsx';

/** Pages load on demand, so the first route pays only for itself. */
export const appRoutes: RouteObject[] = [
  {
    // nuqs' adapter sits inside the root layout route, not around RouterProvider (toolchain.md).
    element: (
      <NuqsAdapter>
        <Shell>
          <Outlet />
        </Shell>
      </NuqsAdapter>
    ),
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        errorElement: <RouteError />,
        lazy: () =>
          import('../features/overview/overview-page.tsx').then((m) => ({ Component: m.OverviewPage })),
      },
      {
        path: 'focus-views',
        errorElement: <RouteError />,
        lazy: () =>
          import('../features/focus-views/focus-views-page.tsx').then((m) => ({
            Component: m.FocusViewsPage,
          })),
      },
      {
        path: 'focus-views/:focusId',
        errorElement: <RouteError />,
        lazy: () =>
          import('../features/focus-views/focus-view-detail-page.tsx').then((m) => ({
            Component: m.FocusViewDetailPage,
          })),
      },
      {
        path: 'file-retrievals',
        errorElement: <RouteError />,
        lazy: () =>
          import('../features/file-retrievals/file-retrievals-page.tsx').then((m) => ({
            Component: m.FileRetrievalsPage,
          })),
      },
      {
        path: 'packages',
        errorElement: <RouteError />,
        lazy: () =>
          import('../features/packages/packages-page.tsx').then((m) => ({ Component: m.PackagesPage })),
      },
      {
        path: 'devices',
        errorElement: <RouteError />,
        lazy: () =>
          import('../features/devices/devices-page.tsx').then((m) => ({ Component: m.DevicesPage })),
      },
      {
        path: 'devices/:key',
        errorElement: <RouteError />,
        lazy: () => import('../features/devices/device-page.tsx').then((m) => ({ Component: m.DevicePage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
