import { StatusBadge, type StatusMeaning } from '../../../components/status-badge.tsx';

/** Functionality status: the severity of the worst issue on the device (seed 003, v1DeviceFunctionalityStatus). */
export const esetFunctionalityMeanings: Record<string, StatusMeaning> = {
  DEVICE_FUNCTIONALITY_STATUS_OK: {
    label: 'OK',
    color: 'green',
    description: 'The device is functioning normally, with no issues that require attention.',
  },
  DEVICE_FUNCTIONALITY_STATUS_ATTENTION_RECOMMENDED: {
    label: 'Attention recommended',
    color: 'yellow',
    description: 'Issues that are not critical (e.g. medium security risks) but should be addressed.',
  },
  DEVICE_FUNCTIONALITY_STATUS_ATTENTION_REQUIRED: {
    label: 'Attention required',
    color: 'red',
    description: 'Critical issues exist (e.g. severe security risks); act now.',
  },
  DEVICE_FUNCTIONALITY_STATUS_UNSPECIFIED: {
    label: 'Unspecified',
    color: 'gray',
    description: 'ESET did not report a functionality status.',
  },
};

export function EsetFunctionalityBadge({ status }: { status: string | null | undefined }) {
  return (
    <StatusBadge
      status={status ?? 'DEVICE_FUNCTIONALITY_STATUS_UNSPECIFIED'}
      meanings={esetFunctionalityMeanings}
      variant="dot"
    />
  );
}

/** OS `familyId` (api-contracts.md §2). */
const osFamilies: Record<number, string> = {
  1: 'Windows',
  2: 'Linux',
  3: 'Apple',
  4: 'Android',
  5: 'Windows mobile',
  6: 'Symbian',
  7: 'UNIX',
};

export function esetOsFamily(familyId: number | null | undefined): string | undefined {
  return familyId ? (osFamilies[familyId] ?? `family ${familyId}`) : undefined;
}

/** The ESET spelling of a device's MACs (`06:F8:13:8B:16:C9`), from every hardware profile's adapters. */
export function esetMacs(device: {
  hardwareProfiles?: readonly { networkAdapters?: readonly { macAddress?: string | null }[] | null }[] | null;
}): string[] {
  return (device.hardwareProfiles ?? [])
    .flatMap((profile) => profile.networkAdapters ?? [])
    .flatMap((adapter) => (adapter.macAddress ? [adapter.macAddress] : []));
}
