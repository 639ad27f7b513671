import { type HttpHandler, HttpResponse, http } from 'msw';
import type { Package, PackageSortKey } from '../../src/api/cylance/schemas.ts';
import { naiveUtc, type SimContext } from '../context.ts';
import type { Random } from '../random.ts';
import type { SimTenant } from '../tenant.ts';
import { pageEnvelope, readPageQuery, sortByKey } from './common.ts';

/**
 * Optics packages (api-contracts.md §1 "Packages", seed 004): `GET /packages/v2` with paging, one sort key
 * (a `-` prefix for descending; default newest upload first), and `category` / `status` filters.
 */
export interface PackageState {
  list: Package[];
}

/** Where the simulated tenant serves package downloads (https, as the vendor's CDN would). */
const downloadHost = 'https://packages.sim.cylance.invalid';
const dayMs = 86_400_000;

const topics = [
  { name: 'collect-prefetch', text: 'Collects Windows Prefetch files for execution history' },
  { name: 'dump-autoruns', text: 'Lists autostart entries from the registry and startup folders' },
  { name: 'hash-directory', text: 'Hashes every file under a directory (MD5, SHA-1, SHA-256)' },
  { name: 'collect-browser-history', text: 'Copies Chrome, Edge and Firefox history databases' },
  { name: 'list-scheduled-tasks', text: 'Exports scheduled tasks with their actions and triggers' },
  { name: 'netstat-snapshot', text: 'Records open connections with owning processes' },
  { name: 'yara-scan', text: 'Scans a path with a supplied YARA rule set' },
  { name: 'collect-evtx', text: 'Copies Windows event logs for offline analysis' },
  { name: 'memory-triage', text: 'Captures process memory of suspicious processes' },
  { name: 'usb-history', text: 'Lists USB storage devices ever connected' },
  { name: 'shellbags', text: 'Parses ShellBags to show folders a user opened' },
  { name: 'amcache-parse', text: 'Parses Amcache.hve for program execution evidence' },
] as const;
const flavours = ['', '-lite', '-full', '-v2', '-fast'];
const uploaders = [
  { id: 'a7f3c2e1-5b4d-4e8a-9c6f-1d2e3f4a5b6c', login: 'ir.lead@example.com' },
  { id: 'b8e4d3f2-6c5e-4f9b-8d7a-2e3f4a5b6c7d', login: 'analyst.one@example.com' },
  { id: 'c9f5e4a3-7d6f-4a0c-9e8b-3f4a5b6c7d8e', login: 'threat.hunter@example.com' },
  { id: 'd0a6f5b4-8e7a-4b1d-af9c-4a5b6c7d8e9f', login: 'packages@cylance.com' },
];
// Mostly uploaded fine; the other documented statuses appear often enough to filter on.
const statusWeights: [Package['status'], number][] = [
  ['success', 0.7],
  ['started', 0.1],
  ['failed', 0.12],
  ['timeout', 0.08],
];

function pickStatus(random: Random): string {
  let roll = random.next();
  for (const [status, weight] of statusWeights) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'success';
}

function packageFor(index: number, context: SimContext, random: Random): Package {
  const topic = topics[index % topics.length]!;
  const name = `${topic.name}${flavours[Math.floor(index / topics.length) % flavours.length]}`;
  const packageId = random.uuid();
  const category = random.chance(0.3) ? 'cylance' : 'custom';
  const fileName = `${name.replaceAll('-', '_')}.py`;
  const version = `${random.int(1, 4)}.${random.int(0, 12)}.${random.int(0, 30)}`;
  const uploadedOn = context.clock.now() - random.int(0, 700) * dayMs - random.int(0, dayMs);
  return {
    packageId,
    category,
    downloadUrl: `${downloadHost}/packages/v2/${packageId}/${fileName}`,
    packageDescriptor: {
      description: `${topic.text}. Results are uploaded as a zip to the Optics console.`,
      examples: [
        {
          invocationString: `${name} --output C:\\ProgramData\\Optics\\${name}`,
          description: 'Run with defaults',
        },
        ...(random.chance(0.6)
          ? [{ invocationString: `${name} --max-size 50MB --quiet`, description: 'Limit the upload size' }]
          : []),
      ],
      name,
      packageId,
      // Seed 004: "only Python is supported".
      packageInfo: { fileType: 'Python', fileName, entryPoint: 'main' },
      version,
    },
    playbookCount: random.int(0, 8),
    size: random.int(2_000, 60_000_000),
    status: pickStatus(random),
    timeout: random.pick([60, 120, 300, 600, 900, 1800]),
    uploadedBy: category === 'cylance' ? uploaders[3]! : random.pick(uploaders.slice(0, 3)),
    uploadedOn: naiveUtc(uploadedOn),
  };
}

export function createPackages(context: SimContext): PackageState {
  const random = context.random.fork('packages');
  return {
    list: Array.from({ length: context.config.packages }, (_, index) => packageFor(index, context, random)),
  };
}

/** Every sort key seed 004 documents; anything else is a 400 from sortByKey. */
const sortKeys: Record<PackageSortKey, (item: Package) => string | number> = {
  packageId: (item) => item.packageId,
  // Naive UTC strings of one fixed width sort as text in time order.
  uploadedOn: (item) => item.uploadedOn,
  'uploadedBy.id': (item) => item.uploadedBy?.id ?? '',
  'uploadedBy.login': (item) => item.uploadedBy?.login ?? '',
  size: (item) => item.size,
  status: (item) => item.status,
  timeout: (item) => item.timeout ?? 0,
  'packageDescriptor.name': (item) => item.packageDescriptor.name,
};

export function packageHandlers(tenant: SimTenant, base: string): HttpHandler[] {
  return [
    http.get(`${base}/packages/v2`, ({ request }) => {
      const url = new URL(request.url);
      const query = readPageQuery(url);
      if (query instanceof Response) return query;
      // An unknown filter value matches nothing, like any other value the tenant has no package for.
      const category = url.searchParams.get('category');
      const status = url.searchParams.get('status');
      const filtered = tenant.packages.list.filter(
        (item) => (!category || item.category === category) && (!status || item.status === status),
      );
      // Seed 004: without `sort` the list is "sorted by the uploaded date, in descending order".
      const sorted = sortByKey(filtered, url.searchParams.get('sort') || '-uploadedOn', sortKeys);
      if (sorted.error) return sorted.error;
      return HttpResponse.json(pageEnvelope(sorted.items, query));
    }),
  ];
}
