import { Alert, Stack, Text } from '@mantine/core';
import { useState, useSyncExternalStore } from 'react';
import { type Vendor, type VendorHealth, vendorHealth, vendors } from '../api/vendor-health.ts';
import { RequestId } from '../components/error-state.tsx';

const labels: Record<Vendor, string> = { cylance: 'Cylance', eset: 'ESET', prisma: 'Prisma' };

/**
 * Two troubled answers in a row (429, 401/403, 5xx after the client's and the gateway's own retries) mean the
 * vendor is failing, not that one call was unlucky: a single blip under load should not flash a banner.
 */
export const failingAfter = 2;

export function isFailing(health: VendorHealth): boolean {
  return health.consecutiveFailures >= failingAfter && health.lastError !== undefined;
}

/**
 * A banner per failing vendor only (issue #10): the other vendors' pages keep working and say nothing. It
 * shows the last error with its request id, and can be dismissed; it comes back if the vendor recovers and
 * then fails again (a dismissal remembers the last success it was made after).
 */
export function VendorBanners() {
  const health = useSyncExternalStore(vendorHealth.subscribe, vendorHealth.getSnapshot);
  // UI state only: which outage the analyst has already seen (keyed by the vendor's last success).
  const [dismissed, setDismissed] = useState<Partial<Record<Vendor, number>>>({});
  const failing = vendors.filter(
    (vendor) => isFailing(health[vendor]) && dismissed[vendor] !== (health[vendor].lastSuccessAt ?? -1),
  );
  if (failing.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {failing.map((vendor) => {
        const { lastError, consecutiveFailures } = health[vendor];
        return (
          <Alert
            key={vendor}
            color="orange"
            variant="light"
            role="alert"
            title={`${labels[vendor]} is failing`}
            withCloseButton
            closeButtonLabel={`Dismiss the ${labels[vendor]} warning`}
            onClose={() =>
              setDismissed((previous) => ({ ...previous, [vendor]: health[vendor].lastSuccessAt ?? -1 }))
            }
          >
            <Stack gap={4}>
              <Text size="sm">
                The last {consecutiveFailures} {labels[vendor]} calls failed; the last one with HTTP{' '}
                {lastError?.status}: {lastError?.message}. The console keeps retrying, and the other vendors
                are not affected.
              </Text>
              <RequestId id={lastError?.requestId} />
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
