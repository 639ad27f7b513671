import { NuqsAdapter } from 'nuqs/adapters/react-router/v8';
import { useDeferredValue } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteError } from './route-error.tsx';
import { pageModules } from './route-modules.ts';
import { Shell } from './shell.tsx';

// nuqs' adapter sits inside the root layout route, not around RouterProvider (toolchain.md).
function RootLayout() {
  // The shell's first render is background work (a deferred value's second pass, rendered in slices): on a
  // cold deep link it then does not hold up the route's chunks and first request (boot.ts), which arrive
  // and run meanwhile (issue #11 "Deep link").
  const shellReady = useDeferredValue(true, false);
  if (!shellReady) return null;
  return (
    <NuqsAdapter>
      <Shell>
        <Outlet />
      </Shell>
    </NuqsAdapter>
  );
}

/** Pages load on demand, so the first route pays only for itself. */
export const appRoutes: RouteObject[] = [
  {
    Component: RootLayout,
    // While the first page's chunk loads, the router renders this instead of nothing: the same layout with an
    // empty outlet. The shell paints (and its code warms up) while the page's code and data are on the way, and
    // being the same component, it stays mounted when the page arrives (issue #11 "Deep link").
    HydrateFallback: RootLayout,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        errorElement: <RouteError />,
        lazy: () => pageModules.overview().then((m) => ({ Component: m.OverviewPage })),
      },
      {
        path: 'focus-views',
        errorElement: <RouteError />,
        lazy: () => pageModules.focusViews().then((m) => ({ Component: m.FocusViewsPage })),
      },
      {
        path: 'focus-views/:focusId',
        errorElement: <RouteError />,
        lazy: () => pageModules.focusViewDetail().then((m) => ({ Component: m.FocusViewDetailPage })),
      },
      {
        path: 'file-retrievals',
        errorElement: <RouteError />,
        lazy: () => pageModules.fileRetrievals().then((m) => ({ Component: m.FileRetrievalsPage })),
      },
      {
        path: 'packages',
        errorElement: <RouteError />,
        lazy: () => pageModules.packages().then((m) => ({ Component: m.PackagesPage })),
      },
      {
        path: 'devices',
        errorElement: <RouteError />,
        lazy: () => pageModules.devices().then((m) => ({ Component: m.DevicesPage })),
      },
      {
        path: 'devices/:key',
        errorElement: <RouteError />,
        lazy: () => pageModules.device().then((m) => ({ Component: m.DevicePage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
