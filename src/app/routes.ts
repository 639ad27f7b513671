/** The console's pages, in navigation order. Paths are part of shareable links: keep them stable. */
export const navigation = [
  { path: '/', label: 'Overview' },
  { path: '/focus-views', label: 'Focus views' },
  { path: '/file-retrievals', label: 'File retrievals' },
  { path: '/packages', label: 'Packages' },
  { path: '/devices', label: 'Devices' },
] as const;
