import { z } from 'zod';

/**
 * ESET Connect Device Management (api-contracts.md §2, seed 003, vendor-specs/eset-device-management.openapi.json).
 * The spec is newer than the seed page: every field is optional except the ids, unknown fields are dropped,
 * and enum-like fields stay strings so a value ESET adds later shows as-is instead of failing the page.
 */

/** proto3 JSON writes int64/uint64 as strings, some gateways as numbers: accept both, hand out a number. */
export const int64 = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);
/**
 * uint64 version ids can exceed 2^53 (`major << 48 | …`), so they stay text; a number is accepted too.
 */
const uint64Text = z.union([z.string(), z.number()]).transform(String);

const text = z.string().nullish();

export const esetVersionSchema = z.object({
  id: uint64Text.nullish(),
  major: int64.nullish(),
  minor: int64.nullish(),
  patch: int64.nullish(),
  name: text,
});

export const esetOperatingSystemSchema = z.object({
  bitness: int64.nullish(),
  displayName: text,
  editionId: int64.nullish(),
  /** 1 Windows, 2 Linux, 3 Apple, 4 Android, 5 Windows mobile, 6 Symbian, 7 UNIX (api-contracts.md §2). */
  familyId: int64.nullish(),
  version: esetVersionSchema.nullish(),
});

export const esetNetworkAdapterSchema = z.object({
  caption: text,
  /** ESET spelling `06:F8:13:8B:16:C9`; may be malformed (see `malformedData`), so it is plain text here. */
  macAddress: text,
  malformedData: text,
});

export const esetHardwareSchema = z.object({
  bios: z.object({ manufacturer: text, serialNumber: text, uuid: text }).nullish(),
  hardDrives: z
    .array(
      z.object({
        capacityBytes: int64.nullish(),
        displayName: text,
        driveType: text,
        manufacturerName: text,
        serialNumber: text,
        malformedData: text,
      }),
    )
    .nullish(),
  manufacturer: text,
  model: text,
  networkAdapters: z.array(esetNetworkAdapterSchema).nullish(),
  processors: z
    .array(z.object({ architecture: text, caption: text, id: text, manufacturer: text, malformedData: text }))
    .nullish(),
  malformedData: text,
});

export const esetComponentSchema = z.object({
  id: int64.nullish(),
  name: text,
  displayName: text,
  version: esetVersionSchema.nullish(),
});

export const esetDeviceSchema = z.object({
  uuid: z.string(),
  displayName: text,
  originalDisplayName: text,
  description: text,
  deviceType: text,
  enrollmentStatus: text,
  functionalityStatus: text,
  functionalityProblemCount: int64.nullish(),
  isMobile: z.boolean().nullish(),
  isMuted: z.boolean().nullish(),
  lastSyncTime: text,
  managementDomain: text,
  parentGroupUuid: text,
  primaryLocalIpAddress: text,
  publicIpAddress: text,
  tags: z.array(z.string()).nullish(),
  operatingSystem: esetOperatingSystemSchema.nullish(),
  deployedComponents: z.array(esetComponentSchema).nullish(),
  hardwareProfiles: z.array(esetHardwareSchema).nullish(),
});
export type EsetDevice = z.infer<typeof esetDeviceSchema>;

export const esetFunctionalityStatuses = [
  'DEVICE_FUNCTIONALITY_STATUS_UNSPECIFIED',
  'DEVICE_FUNCTIONALITY_STATUS_OK',
  'DEVICE_FUNCTIONALITY_STATUS_ATTENTION_RECOMMENDED',
  'DEVICE_FUNCTIONALITY_STATUS_ATTENTION_REQUIRED',
] as const;
export type EsetFunctionalityStatus = (typeof esetFunctionalityStatuses)[number];

/** AIP-158: `nextPageToken` is empty (or absent) on the last page. */
const nextPageToken = z
  .string()
  .nullish()
  .transform((token) => token || undefined);

export const esetDeviceListSchema = z.object({
  devices: z
    .array(esetDeviceSchema)
    .nullish()
    .transform((devices) => devices ?? []),
  nextPageToken,
});
export type EsetDeviceList = z.infer<typeof esetDeviceListSchema>;

export const esetDeviceResponseSchema = z.object({ device: esetDeviceSchema });

export const esetBatchGetSchema = z.object({
  devices: z
    .array(esetDeviceSchema)
    .nullish()
    .transform((devices) => devices ?? []),
});

export const esetDeviceGroupSchema = z.object({
  uuid: z.string(),
  displayName: text,
  parentGroupUuid: text,
  isSecurityGroup: z.boolean().nullish(),
  linkedEntityType: text,
  etag: text,
});
export type EsetDeviceGroup = z.infer<typeof esetDeviceGroupSchema>;

export const esetDeviceGroupListSchema = z.object({
  deviceGroups: z
    .array(esetDeviceGroupSchema)
    .nullish()
    .transform((groups) => groups ?? []),
  nextPageToken,
});

export const esetMemberDeviceSchema = z.object({
  uuid: z.string(),
  displayName: text,
  groupUuid: text,
});
export type EsetMemberDevice = z.infer<typeof esetMemberDeviceSchema>;

export const esetMemberDeviceListSchema = z.object({
  devices: z
    .array(esetMemberDeviceSchema)
    .nullish()
    .transform((devices) => devices ?? []),
  nextPageToken,
  totalSize: int64.nullish(),
});

/** google.rpc.Status — ESET's error body, which may also be empty (api-contracts.md §2). */
export const esetErrorSchema = z.object({
  code: z.number(),
  message: z.string(),
  details: z.array(z.unknown()).optional(),
});
