import { Card, Code, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { type GatewayConfig, gatewayQueries } from '../../api/gateway/config.ts';
import { type Vendor, type VendorHealth, vendorHealth, vendors } from '../../api/vendor-health.ts';
import { ErrorState, RequestId } from '../../components/error-state.tsx';
import { formatAgo, formatClock, formatDuration } from './format.ts';
import classes from './overview.module.css';
import { StatusDot } from './status-dot.tsx';
import { useNow } from './use-now.ts';

const vendorNames: Record<Vendor, string> = {
  cylance: 'Cylance / Aurora Optics',
  eset: 'ESET Connect',
  prisma: 'Prisma Access Device-ID',
};

type VendorStatus = GatewayConfig['vendors'][Vendor];

/** `/api/config` lists, for a vendor that is not connected, the variables that would connect it (server/). */
function missingVariables(status: VendorStatus): string[] {
  const missing = (status as { missing?: unknown }).missing;
  return Array.isArray(missing) ? missing.filter((name): name is string => typeof name === 'string') : [];
}

function Connection({ status, mode }: { status: VendorStatus; mode: GatewayConfig['mode'] }) {
  if (status.connected) {
    const host = (status as { host?: unknown }).host;
    return (
      <Stack gap={2} align="flex-start">
        <StatusDot label={mode === 'demo' ? 'Connected (simulated tenant)' : 'Connected'} color="green.7" />
        {typeof host === 'string' && (
          <Text size="xs" className={classes.muted}>
            via {host}
          </Text>
        )}
      </Stack>
    );
  }
  const missing = missingVariables(status);
  return (
    <Stack gap={4} align="flex-start">
      <StatusDot label="Not connected" color="red.7" />
      <Text size="xs">
        {missing.length > 0 ? (
          <>
            Set {missing.map((name, index) => [index > 0 && ', ', <Code key={name}>{name}</Code>])} in the
            gateway's environment or <Code>.env</Code>, then restart it.
          </>
        ) : (
          (status.reason ?? 'The gateway has no credentials for this vendor.')
        )}
      </Text>
    </Stack>
  );
}

function Activity({ health, now }: { health: VendorHealth; now: number }) {
  const { lastSuccessAt, lastError, rateLimitWaitMs, rateLimitCount } = health;
  return (
    <Stack gap={6}>
      <Text size="sm">
        <Text span className={classes.muted}>
          Last successful call:{' '}
        </Text>
        {lastSuccessAt ? (
          <span title={formatClock(lastSuccessAt)}>{formatAgo(lastSuccessAt, now)}</span>
        ) : (
          'none yet in this tab'
        )}
      </Text>
      <Stack gap={2}>
        <Text size="sm">
          <Text span className={classes.muted}>
            Last error:{' '}
          </Text>
          {lastError ? (
            <>
              HTTP {lastError.status} {lastError.message}
              {lastError.code ? ` [${lastError.code}]` : ''},{' '}
              <span title={formatClock(lastError.at)}>{formatAgo(lastError.at, now)}</span>
            </>
          ) : (
            'none'
          )}
        </Text>
        {lastError && <RequestId id={lastError.requestId} />}
      </Stack>
      <Text size="sm">
        <Text span className={classes.muted}>
          Waiting on rate limits:{' '}
        </Text>
        {rateLimitCount === 0
          ? 'none'
          : `${formatDuration(rateLimitWaitMs)} over ${rateLimitCount} rate-limit answer${rateLimitCount === 1 ? '' : 's'} (429)`}
      </Text>
    </Stack>
  );
}

/** "Vendor health" (issue #7): configuration from the gateway, activity from this tab's own calls. */
export function VendorHealthPanel() {
  const config = useQuery(gatewayQueries.config());
  const health = useSyncExternalStore(vendorHealth.subscribe, vendorHealth.getSnapshot);
  const now = useNow(5_000);
  return (
    <Stack gap="sm" component="section" aria-labelledby="vendor-health-title">
      <Title order={2} size="h4" id="vendor-health-title">
        Vendor health
      </Title>
      {config.error && !config.data && <ErrorState error={config.error} onRetry={() => config.refetch()} />}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {vendors.map((vendor) => (
          <Card key={vendor} withBorder padding="md" component="article" aria-label={vendorNames[vendor]}>
            <Stack gap="sm">
              <Title order={3} size="h5">
                {vendorNames[vendor]}
              </Title>
              {config.data ? (
                <Connection status={config.data.vendors[vendor]} mode={config.data.mode} />
              ) : config.isPending ? (
                <Skeleton height={20} width={110} />
              ) : null}
              <Activity health={health[vendor]} now={now} />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
