import type { Page } from '@playwright/test';
import { simConfigFromEnv } from '../sim/config.ts';
import { toOpticsId } from '../sim/cylance/common.ts';
import { requestOutcome } from '../sim/cylance/file-retrieval-state.ts';
import { requestablePairs, requestView } from '../sim/cylance/focus-view-state.ts';
import { createSimTenant } from '../sim/tenant.ts';
import { expect } from './fixtures.ts';

/**
 * Work the specs request that is sure to resolve AVAILABLE. The demo tenant is deterministic from its seed and
 * the simulator seeds each outcome by its inputs (sim/cylance/focus-view-state.ts, file-retrieval-state.ts),
 * so a local copy of the same tenant tells which pairs, devices and paths will resolve, instead of hoping
 * for a lucky draw.
 */
export type FocusPair = { uid: string; device_id: string };

/**
 * Which requestable pairs (by index) each spec draws from: every spec of a run shares one demo tenant, and
 * a pair requested by one spec is no longer requestable for the next.
 */
export const pairBands = {
  chaos: [100, 300],
  hostile: [300, 400],
  overview: [400, 500],
  focusViews: [500, 600],
} as const satisfies Record<string, readonly [number, number]>;

export function pairsThatResolveAvailable(band: readonly [number, number], count: number): FocusPair[] {
  const tenant = createSimTenant({ config: simConfigFromEnv(process.env) });
  return requestablePairs(tenant, band[1])
    .slice(band[0])
    .filter((pair) => {
      const outcome = requestView(tenant, {
        device_id: pair.device_id,
        artifact_type: 'Process',
        value: pair.uid,
      });
      return outcome.ok && outcome.view.outcome === 'AVAILABLE';
    })
    .slice(0, count);
}

/** Pastes the pairs as CSV into the status lookup (already open) and starts the lookup. */
export async function lookUpPairs(page: Page, pairs: readonly FocusPair[]): Promise<void> {
  await page
    .getByRole('textbox', { name: 'Pairs to look up' })
    .fill(['uid,device_id', ...pairs.map((pair) => `${pair.uid},${pair.device_id}`)].join('\n'));
  await page
    .getByRole('button', { name: `Look up ${pairs.length} pair${pairs.length === 1 ? '' : 's'}` })
    .click();
}

interface DeviceItem {
  id: string;
  name: string;
  state?: string | null;
}

export interface OnlineDevice {
  name: string;
  /** The id file retrievals use (and the tracked list stores). */
  opticsId: string;
}

/** `count` online Cylance devices from the first page, skipping the first `skip` (other specs use those). */
export async function onlineCylanceDevices(page: Page, skip: number, count: number): Promise<OnlineDevice[]> {
  const listed = await page.request.get('/api/cylance/devices/v2?page=1&page_size=50');
  expect(listed.ok()).toBe(true);
  const devices = ((await listed.json()).page_items as DeviceItem[])
    .filter((device) => /^online$/i.test(device.state ?? ''))
    .slice(skip, skip + count)
    .map((device) => ({ name: device.name, opticsId: toOpticsId(device.id) }));
  expect(devices).toHaveLength(count);
  return devices;
}

/** The first of 50 candidate paths (`pathNumbered(n)`) that resolves AVAILABLE on every one of the devices. */
export function pathThatResolvesAvailable(
  devices: readonly OnlineDevice[],
  pathNumbered: (n: number) => string,
): string {
  const { seed } = simConfigFromEnv(process.env);
  const path = Array.from({ length: 50 }, (_, n) => pathNumbered(n)).find((candidate) =>
    devices.every((device) => requestOutcome(seed, device.opticsId, candidate, 0, true) === 'AVAILABLE'),
  );
  expect(path).toBeDefined();
  return path ?? '';
}
