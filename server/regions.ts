/** Vendor hosts per region (api-contracts.md §1 "Hosts", §2 "Hosts", §3). */
export const cylanceRegions: Record<string, string> = {
  na: 'https://protectapi.cylance.com',
  euc1: 'https://protectapi-euc1.cylance.com',
  apne1: 'https://protectapi-apne1.cylance.com',
  au: 'https://protectapi-au.cylance.com',
  sae1: 'https://protectapi-sae1.cylance.com',
  // [?] one official SDK uses `protectapi-us.cylance.com`; CYLANCE_BASE_URL overrides it if that is the one.
  'us-gov': 'https://protectapi.us.cylance.com',
};

export const esetRegions = ['eu', 'de', 'us', 'ca', 'jpn'];

export function esetDeviceManagementUrl(region: string): string {
  return `https://${region}.device-management.eset.systems`;
}

/** `ESET_AUTH_URL` is the full token URL; the region form follows the same shape. */
export function esetAuthUrl(region: string): string {
  return `https://${region}.business-account.iam.eset.systems/oauth/token`;
}

export const prismaRegions = ['eu', 'us'];

export function prismaBaseUrl(region: string): string {
  return `https://${region}.device-identity-broker.services-edge.paloaltonetworks.com/api/v1/token`;
}

/** `PRISMA_BASE_URL` may be the host alone or include `/api/v1/token`; the gateway needs the latter. */
export function normalizePrismaBase(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/api/v1/token') ? trimmed : `${trimmed}/api/v1/token`;
}
