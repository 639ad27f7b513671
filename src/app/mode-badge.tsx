import { Badge, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { gatewayQueries } from '../api/gateway/config.ts';

/**
 * The "Demo tenant" badge. Its own module because it is the shell's only runtime use of zod (the
 * /api/config schema): shell.tsx loads it lazily so zod (~24 kB gzip) stays out of the first-route bundle
 * (issue #11 "Bundle"). It shows only once /api/config has answered anyway, so loading it late changes nothing.
 */
export function ModeBadge() {
  const { data } = useQuery(gatewayQueries.config());
  if (data?.mode !== 'demo') return null;
  return (
    <Tooltip label="Simulated tenant: no vendor credentials are configured, all data is generated">
      {/* Black on orange: white on orange fails WCAG AA contrast. */}
      <Badge color="orange" variant="filled" c="black">
        Demo tenant
      </Badge>
    </Tooltip>
  );
}
