// The charts' styles and recharts load with this module only: the overview imports it with React.lazy, so
// no other page pays for them (issue #7 "loaded lazily").
import '@mantine/charts/styles.css';
import { DonutChart } from '@mantine/charts';
import { formatCount } from '../../lib/format-count.ts';
import type { GlanceSlice } from './glance-slices.ts';

/**
 * The picture only: the numbers are in the table next to it (GlanceCard), so the chart is hidden from
 * assistive technology rather than read twice.
 */
export function StatusDonut({ slices, total }: { slices: readonly GlanceSlice[]; total: number }) {
  return (
    // inert: recharts makes parts of the SVG focusable; nothing in a hidden picture may take focus.
    <div aria-hidden inert data-testid="status-donut">
      <DonutChart
        data={slices.map((slice) => ({ name: slice.label, value: slice.value, color: slice.color }))}
        size={132}
        thickness={20}
        withTooltip={false}
        chartLabel={formatCount(total)}
        strokeWidth={1}
        accessibilityLayer={false}
      />
    </div>
  );
}
