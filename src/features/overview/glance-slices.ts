import type { MantineColor } from '@mantine/core';

/** One status in an "At a glance" chart and its table row. */
export interface GlanceSlice {
  key: string;
  label: string;
  value: number;
  color: MantineColor;
}

interface SliceStyle {
  label: string;
  color: MantineColor;
}

/** Cylance Optics statuses (api-contracts.md §1), shared by focus views and file retrievals. */
const opticsStyles: Record<string, SliceStyle> = {
  PENDING: { label: 'Pending', color: 'blue.6' },
  AVAILABLE: { label: 'Available', color: 'green.6' },
  REQUEST: { label: 'Can be requested', color: 'gray.6' },
  RETRY_REQUEST: { label: 'Can be requested again', color: 'orange.6' },
  UNAVAILABLE: { label: 'Unavailable', color: 'yellow.6' },
  DOES_NOT_EXIST: { label: 'Does not exist', color: 'grape.6' },
  UNKNOWN_DEVICE: { label: 'Unknown device', color: 'red.6' },
};

/** ESET functionality status (seed 003), attention required first (issue #7). */
const esetStyles: Record<string, SliceStyle> = {
  DEVICE_FUNCTIONALITY_STATUS_ATTENTION_REQUIRED: { label: 'Attention required', color: 'red.6' },
  DEVICE_FUNCTIONALITY_STATUS_ATTENTION_RECOMMENDED: { label: 'Attention recommended', color: 'yellow.6' },
  DEVICE_FUNCTIONALITY_STATUS_OK: { label: 'OK', color: 'green.6' },
  DEVICE_FUNCTIONALITY_STATUS_UNSPECIFIED: { label: 'Unspecified', color: 'gray.6' },
};

/** Package upload status (seed 004). */
const packageStyles: Record<string, SliceStyle> = {
  started: { label: 'Started', color: 'blue.6' },
  success: { label: 'Success', color: 'green.6' },
  failed: { label: 'Failed', color: 'red.6' },
  timeout: { label: 'Timed out', color: 'orange.6' },
};

const palette: MantineColor[] = ['indigo.6', 'teal.6', 'pink.6', 'lime.7', 'cyan.6', 'violet.6', 'orange.6'];

export type SliceScheme = 'optics' | 'eset' | 'packages' | 'categories';

const schemes: Record<Exclude<SliceScheme, 'categories'>, Record<string, SliceStyle>> = {
  optics: opticsStyles,
  eset: esetStyles,
  packages: packageStyles,
};

/**
 * Counts → slices in a fixed order: the scheme's own order for known statuses (so attention required leads
 * the ESET chart), then unknown values as "unknown (VALUE)"; categories largest first. Zero counts are left out.
 */
export function toSlices(counts: Readonly<Record<string, number>>, scheme: SliceScheme): GlanceSlice[] {
  const present = Object.entries(counts).filter(([, value]) => value > 0);
  if (scheme === 'categories') {
    return present
      .sort(([a, left], [b, right]) => right - left || a.localeCompare(b))
      .map(([key, value], index) => ({
        key,
        label: key,
        value,
        color: palette[index % palette.length] ?? 'gray.6',
      }));
  }
  const styles = schemes[scheme];
  const order = Object.keys(styles);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return present
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, value]) => ({
      key,
      value,
      label: styles[key]?.label ?? `unknown (${key})`,
      color: styles[key]?.color ?? 'gray.5',
    }));
}

export function opticsStatusLabel(status: string): string {
  return opticsStyles[status]?.label ?? `unknown (${status})`;
}

export function opticsStatusColor(status: string): MantineColor {
  return opticsStyles[status]?.color ?? 'gray.5';
}
