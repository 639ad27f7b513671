import { Divider, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { cylanceDeviceQueries } from '../../../api/cylance/devices.ts';
import type { CylanceDevice } from '../../../api/cylance/schemas.ts';
import { ErrorState } from '../../../components/error-state.tsx';
import { normalizeOpticsDeviceId } from '../../../lib/device-id.ts';
import { CylanceStateBadge, cylanceLastSeen } from '../shared/cylance-state.tsx';
import { Fields } from './fields.tsx';

function productsText(products: readonly unknown[] | null | undefined): string {
  return (products ?? [])
    .map((product) => {
      const record = (typeof product === 'object' && product !== null ? product : {}) as Record<
        string,
        unknown
      >;
      return [record.name, record.version].filter(Boolean).join(' ');
    })
    .filter(Boolean)
    .join(', ');
}

/** What Cylance knows: the list record at once, the detail record (`GET /devices/v2/{id}`) as it arrives. */
function CylanceRecord({ device }: { device: CylanceDevice }) {
  const detail = useQuery(cylanceDeviceQueries.detail(device.id));
  const optics = normalizeOpticsDeviceId(device.id);
  return (
    <Stack gap="xs">
      <Fields
        caption={`Cylance device ${device.name}`}
        fields={[
          { label: 'Name', value: device.name },
          { label: 'Device id', value: device.id, copy: device.id },
          ...(optics.ok ? [{ label: 'Optics id', value: optics.value, copy: optics.value }] : []),
          { label: 'State', value: <CylanceStateBadge state={device.state} /> },
          { label: 'Last seen', value: cylanceLastSeen(device) },
          { label: 'Policy', value: device.policy?.name },
          { label: 'Agent version', value: device.agent_version },
          { label: 'Products', value: productsText(device.products) },
          { label: 'IP addresses', value: device.ip_addresses?.join(', ') },
          { label: 'MAC addresses', value: device.mac_addresses?.join(', ') },
          { label: 'First registered', value: device.date_first_registered },
          { label: 'OS', value: detail.data?.os_version },
          { label: 'Kernel', value: device.os_kernel_version },
          { label: 'Last logged-in user', value: detail.data?.last_logged_in_user },
        ]}
      />
      {detail.isPending && <Skeleton height={12} role="status" aria-label="Loading Cylance details" />}
      {detail.error && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
    </Stack>
  );
}

export function CylancePanel({ devices }: { devices: readonly CylanceDevice[] }) {
  if (devices.length === 0) return <Text>Cylance does not know this machine.</Text>;
  return (
    <Stack gap="md">
      {devices.map((device, index) => (
        <Stack key={device.id} gap="xs">
          {index > 0 && <Divider label="Another Cylance record for the same machine" />}
          <CylanceRecord device={device} />
        </Stack>
      ))}
    </Stack>
  );
}
