import { z } from 'zod';

/**
 * Cylance / Aurora Optics contracts (api-contracts.md §1). Status fields are plain strings, not enums:
 * a value the vendor adds later must show as "unknown (VALUE)", never fail the whole page.
 */

/** The list envelope of every paged Cylance endpoint (seed 004). */
export function cylancePage<T extends z.ZodType>(item: T) {
  return z.object({
    page_number: z.coerce.number(),
    page_size: z.coerce.number(),
    total_pages: z.coerce.number(),
    total_number_of_items: z.coerce.number(),
    page_items: z.array(item),
  });
}

// ---- Focus views (seed 000) ----
export const focusViewStatuses = [
  'AVAILABLE',
  'PENDING',
  'REQUEST',
  'RETRY_REQUEST',
  'DOES_NOT_EXIST',
  'UNAVAILABLE',
  'UNKNOWN_DEVICE',
] as const;

export const artifactTypes = ['Protect', 'Process', 'File', 'NetworkConnection', 'RegistryKey'] as const;
export type ArtifactType = (typeof artifactTypes)[number];

export const focusViewSchema = z.object({
  id: z.string(),
  tenant_id: z.string().nullish(),
  device_id: z.string(),
  artifact_type: z.string(),
  artifact_subtype: z.string().nullish(),
  value: z.string(),
  threat_type: z.string().nullish(),
  description: z.string().nullish(),
  created_at: z.string(),
  hostname: z.string().nullish(),
  status: z.string(),
});
export type FocusView = z.infer<typeof focusViewSchema>;
export const focusViewPageSchema = cylancePage(focusViewSchema);

export const focusViewRequestSchema = z.object({
  device_id: z.string(),
  artifact_type: z.enum(artifactTypes),
  artifact_subtype: z.literal('Uid'),
  value: z.string(),
  threat_type: z.string().optional(),
  description: z.string().optional(),
});
export type FocusViewRequest = z.infer<typeof focusViewRequestSchema>;

export const focusPairSchema = z.object({ uid: z.string(), device_id: z.string() });
export type FocusPair = z.infer<typeof focusPairSchema>;

export const focusSearchResultSchema = z.object({
  uid: z.string(),
  device_id: z.string(),
  status: z.string(),
  focus_id: z.string().nullish(),
});
export type FocusSearchResult = z.infer<typeof focusSearchResultSchema>;
export const focusSearchResponseSchema = z.array(focusSearchResultSchema);

// ---- File retrieval (seed 001) ----
export const fileStatuses = [
  'REQUEST',
  'PENDING',
  'AVAILABLE',
  'DOES_NOT_EXIST',
  'UNAVAILABLE',
  'RETRY_REQUEST',
] as const;

export const fileRetrievalSchema = z.object({
  tenant_id: z.string().nullish(),
  user_id: z.string().nullish(),
  device_id: z.string(),
  created_at: z.string().nullish(),
  // The request body says `file_path`, responses say `filepath` (api-contracts.md §1).
  filepath: z.string(),
  download_url: z.string().nullish(),
  file_status: z.string(),
  file_status_description: z.string().nullish(),
  /** Decrypts the retrieved file: a secret, shown only on request and never stored or exported. */
  password: z.string().nullish(),
  md5: z.string().nullish(),
  sha1: z.string().nullish(),
  sha256: z.string().nullish(),
  correlation_id: z.string().nullish(),
  user_login: z.string().nullish(),
  hostname: z.string().nullish(),
});
export type FileRetrieval = z.infer<typeof fileRetrievalSchema>;

/** Seed 001 lists a `data` object "containing the various fields" [?]: accept it nested or flat. */
export const fileRetrievalResponseSchema = z.preprocess(
  (body) =>
    typeof body === 'object' && body !== null && 'data' in body && typeof body.data === 'object'
      ? body.data
      : body,
  fileRetrievalSchema,
);
export const fileRetrievalPageSchema = cylancePage(fileRetrievalSchema);

// ---- Packages (seed 004) ----
export const packageStatuses = ['started', 'success', 'failed', 'timeout'] as const;
export const packageCategories = ['custom', 'cylance'] as const;
export const packageSortKeys = [
  'packageId',
  'uploadedOn',
  'uploadedBy.id',
  'uploadedBy.login',
  'size',
  'status',
  'timeout',
  'packageDescriptor.name',
] as const;
export type PackageSortKey = (typeof packageSortKeys)[number];

export const packageSchema = z.object({
  packageId: z.string(),
  category: z.string(),
  downloadUrl: z.string().nullish(),
  packageDescriptor: z.object({
    description: z.string().nullish(),
    examples: z
      .array(z.object({ invocationString: z.string(), description: z.string().nullish() }))
      .nullish(),
    name: z.string(),
    packageId: z.string().nullish(),
    packageInfo: z
      .object({
        fileType: z.string().nullish(),
        fileName: z.string().nullish(),
        entryPoint: z.string().nullish(),
      })
      .nullish(),
    version: z.string().nullish(),
  }),
  playbookCount: z.coerce.number().nullish(),
  size: z.coerce.number(),
  status: z.string(),
  timeout: z.coerce.number().nullish(),
  uploadedBy: z.object({ id: z.string().nullish(), login: z.string().nullish() }).nullish(),
  uploadedOn: z.string(),
});
export type Package = z.infer<typeof packageSchema>;
export const packagePageSchema = cylancePage(packageSchema);

// ---- Devices ----
export const cylanceDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  // Casing varies in the wild: `Online`, `OnLine`, `OffLine` (api-contracts.md §1).
  state: z.string().nullish(),
  agent_version: z.string().nullish(),
  date_first_registered: z.string().nullish(),
  date_offline: z.string().nullish(),
  ip_addresses: z.array(z.string()).nullish(),
  mac_addresses: z.array(z.string()).nullish(),
  policy: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
  products: z.array(z.unknown()).nullish(),
  os_kernel_version: z.string().nullish(),
});
export type CylanceDevice = z.infer<typeof cylanceDeviceSchema>;
export const cylanceDevicePageSchema = cylancePage(cylanceDeviceSchema);
/** `GET /devices/v2/{id}` returns more fields than the list item; unknown fields are ignored. */
export const cylanceDeviceDetailSchema = cylanceDeviceSchema.extend({
  host_name: z.string().nullish(),
  os_version: z.string().nullish(),
  last_logged_in_user: z.string().nullish(),
  update_available: z.boolean().nullish(),
  background_detection: z.boolean().nullish(),
  is_safe: z.boolean().nullish(),
});
export type CylanceDeviceDetail = z.infer<typeof cylanceDeviceDetailSchema>;
