import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { gatewayQueries } from '../../api/gateway/config.ts';
import { SafeLink } from '../../components/safe-link.tsx';
import { linkCountdown } from '../../lib/countdown.ts';
import { toSafeExternalUrl } from '../../lib/safe-url.ts';
import { actionColor, linkColor } from './styles.ts';
import { useNow } from './use-now.ts';

/**
 * The Download action of an AVAILABLE retrieval: the link is valid 10 minutes from when the status was read
 * (seed 001), counted down visibly; once expired it becomes "Get a new link", which reads the status again
 * (every read issues a fresh link).
 */
export function DownloadAction({
  url,
  readAt,
  onRefresh,
  refreshing,
}: {
  url: string | null | undefined;
  readAt: number;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const now = useNow();
  const { data: config } = useQuery(gatewayQueries.config());
  const demo = config?.mode === 'demo';
  const countdown = linkCountdown(readAt, now);
  if (countdown.expired || !url) {
    return (
      <Group gap="sm">
        <Text size="sm">{url ? 'The download link has expired.' : 'No download link was returned.'}</Text>
        <Button color={actionColor} size="xs" onClick={onRefresh} loading={refreshing}>
          Get a new link
        </Button>
      </Group>
    );
  }
  const safe = toSafeExternalUrl(url, { allowLoopbackHttp: demo });
  return (
    <Group gap="sm">
      <SafeLink url={url} demo={demo} c={linkColor}>
        Download the file
      </SafeLink>
      {safe.ok ? (
        <Text size="sm" role="timer" aria-live="off">
          Link expires in <strong>{countdown.label}</strong>
        </Text>
      ) : (
        <Alert color="orange" variant="light" p="xs">
          The vendor sent a link the console will not open ({safe.reason}); it is shown as text.
        </Alert>
      )}
    </Group>
  );
}
