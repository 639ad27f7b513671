import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CylanceDevice } from '../../../api/cylance/schemas.ts';
import type { EsetDevice } from '../../../api/eset/schemas.ts';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { correlate } from '../../../lib/correlate.ts';
import { inventoryQueries, useVerdictDump } from './inventory-queries.ts';
import type { Machine } from './machine-filters.ts';

const none: never[] = [];

/**
 * All three inventories joined into machines. Rows appear once Cylance and ESET have answered (or failed: a
 * vendor that is down must not hide the other two); network verdicts join in as the dump's pages arrive.
 */
export function useMachines() {
  const cylance = useQuery(inventoryQueries.cylance());
  const eset = useQuery(inventoryQueries.eset());
  const prisma = useVerdictDump();
  const cylanceDevices: CylanceDevice[] = cylance.data ?? none;
  const esetDevices: EsetDevice[] = eset.data ?? none;
  const verdicts: Verdict[] = prisma.state?.verdicts ?? none;
  const machines = useMemo<Machine[]>(
    () => correlate({ cylance: cylanceDevices, eset: esetDevices, prisma: verdicts }),
    [cylanceDevices, esetDevices, verdicts],
  );
  const settled = !cylance.isPending && !eset.isPending;
  return { machines: settled ? machines : undefined, cylance, eset, prisma };
}
