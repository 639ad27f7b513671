import { Divider, List, Stack, Text, Title } from '@mantine/core';
import type { EsetDevice } from '../../../api/eset/schemas.ts';
import { formatVendorTime } from '../../../lib/vendor-time.ts';
import { EsetGroupName } from '../eset/eset-group-name.tsx';
import { EsetFunctionalityBadge, esetMacs, esetOsFamily } from '../shared/eset-status.tsx';
import { Fields } from './fields.tsx';

function osText(device: EsetDevice): string {
  const os = device.operatingSystem;
  if (!os) return '';
  const family = esetOsFamily(os.familyId);
  const version = os.version?.name;
  const bitness = os.bitness ? `${os.bitness}-bit` : undefined;
  return [os.displayName, family && `(${family})`, version, bitness].filter(Boolean).join(' ');
}

function EsetRecord({ device }: { device: EsetDevice }) {
  const hardware = device.hardwareProfiles?.[0];
  const components = device.deployedComponents ?? [];
  return (
    <Stack gap="xs">
      <Fields
        caption={`ESET device ${device.displayName ?? device.uuid}`}
        fields={[
          { label: 'Display name', value: device.displayName },
          { label: 'Original name', value: device.originalDisplayName },
          { label: 'UUID', value: device.uuid, copy: device.uuid },
          {
            label: 'Functionality',
            value: <EsetFunctionalityBadge status={device.functionalityStatus} />,
          },
          { label: 'Problems', value: device.functionalityProblemCount ?? 0 },
          { label: 'Group', value: <EsetGroupName uuid={device.parentGroupUuid} /> },
          { label: 'OS', value: osText(device) },
          { label: 'Hardware', value: [hardware?.manufacturer, hardware?.model].filter(Boolean).join(' ') },
          { label: 'BIOS serial', value: hardware?.bios?.serialNumber },
          {
            label: 'Processors',
            value: hardware?.processors
              ?.map((cpu) => cpu.caption)
              .filter(Boolean)
              .join(', '),
          },
          { label: 'Local IP', value: device.primaryLocalIpAddress },
          { label: 'Public IP', value: device.publicIpAddress },
          { label: 'MAC addresses', value: esetMacs(device).join(', ') },
          { label: 'Last sync', value: device.lastSyncTime && formatVendorTime(device.lastSyncTime) },
          { label: 'Muted', value: device.isMuted ? 'yes' : 'no' },
          { label: 'Tags', value: device.tags?.join(', ') },
        ]}
      />
      <Title order={4} size="h6">
        Deployed components
      </Title>
      {components.length === 0 ? (
        <Text size="sm">None reported.</Text>
      ) : (
        <List size="sm">
          {components.map((component) => (
            <List.Item key={`${component.name}-${component.id}`}>
              {component.displayName ?? component.name} {component.version?.name}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function EsetPanel({ devices }: { devices: readonly EsetDevice[] }) {
  if (devices.length === 0) return <Text>ESET does not manage this machine.</Text>;
  return (
    <Stack gap="md">
      {devices.map((device, index) => (
        <Stack key={device.uuid} gap="xs">
          {index > 0 && <Divider label="Another ESET record for the same machine" />}
          <EsetRecord device={device} />
        </Stack>
      ))}
    </Stack>
  );
}
