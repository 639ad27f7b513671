/**
 * The pages' lazy imports, in one place: the router's `lazy` and the entry's deep-link prefetch
 * (route-prefetch.ts) ask for the same chunks. Kept free of UI imports, so main.tsx can start a route's chunk
 * before React and Mantine are even evaluated.
 */
export const pageModules = {
  overview: () => import('../features/overview/overview-page.tsx'),
  focusViews: () => import('../features/focus-views/focus-views-page.tsx'),
  focusViewDetail: () => import('../features/focus-views/focus-view-detail-page.tsx'),
  fileRetrievals: () => import('../features/file-retrievals/file-retrievals-page.tsx'),
  packages: () => import('../features/packages/packages-page.tsx'),
  devices: () => import('../features/devices/devices-page.tsx'),
  device: () => import('../features/devices/device-page.tsx'),
};
