import { StatusBadge, type StatusMeaning } from '../../../components/status-badge.tsx';
import { formatVendorTime } from '../../../lib/vendor-time.ts';

// `state` casing varies in the wild: `Online`, `OnLine`, `OffLine` (api-contracts.md §1) — compare lowercased.
const cylanceStates: Record<string, StatusMeaning> = {
  online: { label: 'Online', color: 'green', description: 'The Cylance agent is connected.' },
  offline: { label: 'Offline', color: 'gray', description: 'The Cylance agent is not connected.' },
};

export function CylanceStateBadge({ state }: { state: string | null | undefined }) {
  if (!state) return null;
  return <StatusBadge status={state.toLowerCase()} meanings={cylanceStates} variant="dot" />;
}

/** Cylance reports `date_offline` only while a device is offline; an online device is seen now. */
export function cylanceLastSeen(device: { state?: string | null; date_offline?: string | null }): string {
  if (device.state?.toLowerCase() === 'online') return 'now (online)';
  return device.date_offline ? formatVendorTime(device.date_offline) : '—';
}
