import {
  parseAsArrayOf,
  parseAsBoolean,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs';
import type { EsetDeviceFilters } from '../../../api/eset/devices.ts';
import { esetFunctionalityStatuses } from '../../../api/eset/schemas.ts';

/** pageSize up to 1000 (AIP-158: above that ESET silently uses 1000; api-contracts.md §2). */
export const esetPageSizes = [50, 100, 500, 1000] as const;

export const esetTabParams = {
  status: parseAsStringLiteral(esetFunctionalityStatuses),
  muted: parseAsStringLiteral(['muted', 'unmuted'] as const),
  /** Exact display names (the vendor's `displayNames[]`, not a substring search). */
  names: parseAsArrayOf(parseAsString).withDefault([]),
  esize: parseAsNumberLiteral(esetPageSizes).withDefault(100),
  group: parseAsString,
  recurse: parseAsBoolean.withDefault(true),
  /** Devices chosen for a snapshot. */
  sel: parseAsArrayOf(parseAsString).withDefault([]),
  /** The snapshot's device list as typed or linked (`?uuids=a,b`): kept raw so malformed entries can be named. */
  uuids: parseAsString,
};

export function esetFiltersOf(params: {
  status: EsetDeviceFilters['functionalityStatus'] | null;
  muted: 'muted' | 'unmuted' | null;
  names: string[];
}): EsetDeviceFilters {
  return {
    functionalityStatus: params.status ?? undefined,
    isMuted: params.muted === null ? undefined : params.muted === 'muted',
    displayNames: params.names.length ? params.names : undefined,
  };
}
