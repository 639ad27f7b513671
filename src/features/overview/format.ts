/** "45 s", "3 min 12 s", "2 h 5 min", "3 d 4 h": how long something has waited, at a glance. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** "just now", "3 min ago". */
export function formatAgo(thenMs: number, nowMs: number): string {
  const ms = nowMs - thenMs;
  return ms < 5_000 ? 'just now' : `${formatDuration(ms)} ago`;
}

export function formatClock(ms: number): string {
  return new Date(ms).toLocaleString();
}
