/** Vendor timestamps are naive UTC `YYYY-MM-DDTHH:MM:SS` (api-contracts.md §1): read them as UTC. */
export function parseVendorTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const hasZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function formatVendorTime(value: string | null | undefined): string {
  const ms = parseVendorTime(value);
  return ms === undefined ? (value ?? '—') : `${formatTime(ms)} UTC`;
}
