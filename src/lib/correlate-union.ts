import type { MatchKind, SourceName } from './correlate.ts';

/**
 * The merge rules of the "All machines" join (src/lib/correlate.ts): union-find over the source records, where
 * a MAC always joins and an IP or hostname joins only when nothing contradicts it.
 */
export interface UnionRecord {
  source: SourceName;
  macs: ReadonlySet<string>;
}

interface Group {
  sources: Set<SourceName>;
  macs: Set<string>;
  links: Set<MatchKind>;
}

/** Union-find over record indexes; each root carries what the merge rules need. */
export function createUnion(records: readonly UnionRecord[]) {
  const parent = records.map((_, index) => index);
  const groups: Group[] = records.map((record) => ({
    sources: new Set([record.source]),
    macs: new Set(record.macs),
    links: new Set<MatchKind>(),
  }));
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    parent[index] = root;
    return root;
  };
  const merge = (a: number, b: number, by: MatchKind) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB) return;
    const groupA = groups[rootA] as Group;
    const groupB = groups[rootB] as Group;
    parent[rootB] = rootA;
    for (const source of groupB.sources) groupA.sources.add(source);
    for (const mac of groupB.macs) groupA.macs.add(mac);
    for (const link of groupB.links) groupA.links.add(link);
    groupA.links.add(by);
  };
  /**
   * IP and hostname are weak evidence: DHCP hands an IP to another machine, names get reused. They join two
   * groups only when nothing contradicts it — not when both have MACs (different ones, or the MAC pass would
   * have joined them) and not when one vendor would then hold two records (its own distinct devices).
   */
  const canJoinWeakly = (a: number, b: number) => {
    const groupA = groups[find(a)] as Group;
    const groupB = groups[find(b)] as Group;
    if (find(a) === find(b)) return false;
    if (groupA.macs.size > 0 && groupB.macs.size > 0) return false;
    for (const source of groupB.sources) if (groupA.sources.has(source)) return false;
    return true;
  };
  const linksOf = (index: number) => (groups[find(index)] as Group).links;
  return { find, merge, canJoinWeakly, linksOf };
}

export function joinOn<R extends UnionRecord>(
  records: readonly R[],
  union: ReturnType<typeof createUnion>,
  by: MatchKind,
  keysOf: (record: R) => Iterable<string>,
) {
  const seen = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of keysOf(record)) {
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, [index]);
        continue;
      }
      // MACs are strong evidence: always join. Weak keys join the first earlier group that does not contradict.
      const target = by === 'mac' ? earlier[0] : earlier.find((other) => union.canJoinWeakly(other, index));
      if (target !== undefined) union.merge(target, index, by);
      earlier.push(index);
    }
  });
}
