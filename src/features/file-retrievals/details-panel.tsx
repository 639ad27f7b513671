import { Alert, Button, Code, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { fileRetrievalQueries } from '../../api/cylance/file-retrievals.ts';
import type { FileRetrieval } from '../../api/cylance/schemas.ts';
import { useCanAct } from '../../auth/use-can-act.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { ErrorState, RequestId } from '../../components/error-state.tsx';
import { retryableAt } from '../../lib/countdown.ts';
import { formatTime } from '../../lib/vendor-time.ts';
import { fileStatusMeanings } from '../../tracking/file-retrieval-status.ts';
import { type TrackedFileRetrieval, useRequestFileRetrieval } from '../../tracking/file-retrievals.ts';
import { DownloadAction } from './download-action.tsx';
import { FileStatusBadge } from './file-status-badge.tsx';
import { PasswordField } from './password-field.tsx';
import { actionColor } from './styles.ts';

function HashRow({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={500} w={90}>
        {label}
      </Text>
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
      <CopyButton value={value} label={`Copy ${label}`} />
    </Group>
  );
}

function RequestButton({ entry, label }: { entry: TrackedFileRetrieval; label: string }) {
  const requestRetrieval = useRequestFileRetrieval();
  const mutation = useMutation({ mutationFn: () => requestRetrieval(entry) });
  const canRequest = useCanAct('request files');
  return (
    <Stack gap="xs">
      <Group>
        <Button
          color={actionColor}
          size="xs"
          onClick={() => mutation.mutate()}
          loading={mutation.isPending}
          disabled={!canRequest.allowed}
        >
          {label}
        </Button>
        {canRequest.reason && <Text size="sm">{canRequest.reason}</Text>}
      </Group>
      {mutation.error && <ErrorState error={mutation.error} />}
    </Stack>
  );
}

/** What each status means and lets the analyst do (issue #4 "Each status does what it means"). */
function StatusBody({
  entry,
  status,
  readAt,
  onRefresh,
  refreshing,
}: {
  entry: TrackedFileRetrieval;
  status: FileRetrieval;
  readAt: number;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const host = status.hostname ?? entry.hostname ?? entry.deviceId;
  switch (status.file_status) {
    case 'AVAILABLE':
      return (
        <Stack gap="xs">
          <HashRow label="MD5" value={status.md5} />
          <HashRow label="SHA-1" value={status.sha1} />
          <HashRow label="SHA-256" value={status.sha256} />
          <PasswordField password={status.password} />
          <DownloadAction
            url={status.download_url}
            readAt={readAt}
            onRefresh={onRefresh}
            refreshing={refreshing}
          />
        </Stack>
      );
    case 'PENDING':
      return (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Waiting for {host} to upload the file; the status is checked automatically.</Text>
        </Group>
      );
    case 'UNAVAILABLE': {
      const since = entry.lastStatus === 'UNAVAILABLE' && entry.statusSince ? entry.statusSince : readAt;
      return (
        <Alert color="red" variant="light" title="Device offline or upload failed">
          {host} is offline or failed to upload the file. It can be requested again one hour after it became
          unavailable: around {formatTime(retryableAt(since))} UTC.
        </Alert>
      );
    }
    case 'DOES_NOT_EXIST':
      return (
        <Stack gap="xs">
          <Alert color="orange" variant="light" title="Path not found">
            <Text size="sm">
              The path <Code>{entry.filePath}</Code> was not found on {host}.
            </Text>
          </Alert>
          <RequestButton entry={entry} label="Request again" />
        </Stack>
      );
    case 'REQUEST':
      return <RequestButton entry={entry} label="Request" />;
    case 'RETRY_REQUEST':
      return (
        <Stack gap="xs">
          <Text size="sm">The earlier request brought nothing back; the file can be requested again.</Text>
          <RequestButton entry={entry} label="Request again" />
        </Stack>
      );
    default:
      return <Text size="sm">{status.file_status_description ?? 'No action is known for this status.'}</Text>;
  }
}

/** One tracked retrieval: opening it reads its status (a fresh download link when AVAILABLE). */
export function DetailsPanel({
  entry,
  isRequesting,
  onClose,
}: {
  entry: TrackedFileRetrieval;
  isRequesting: boolean;
  onClose: () => void;
}) {
  const query = useQuery({ ...fileRetrievalQueries.status(entry), enabled: !isRequesting });
  const { data, error, dataUpdatedAt, isFetching, refetch } = query;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="file-retrieval-details">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="file-retrieval-details">
            Retrieval details
          </Title>
          <Button size="compact-xs" variant="default" onClick={onClose}>
            Close details
          </Button>
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {data?.hostname ?? entry.hostname ?? 'Device'}
          </Text>
          <Code>{entry.deviceId}</Code>
          <CopyButton value={entry.deviceId} label="Copy device id" />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }}>{entry.filePath}</Code>
          <CopyButton value={entry.filePath} label="Copy path" />
        </Group>
        {entry.requestError && (
          <Alert color="red" variant="light" title="The last request failed">
            <Text size="sm">{entry.requestError.message}</Text>
            <RequestId id={entry.requestError.requestId} />
          </Alert>
        )}
        {data ? (
          <>
            <Group gap="xs">
              <FileStatusBadge status={data.file_status} />
              <Text size="sm">
                {fileStatusMeanings[data.file_status]?.description ?? data.file_status_description}
              </Text>
            </Group>
            {error && <ErrorState error={error} onRetry={() => void refetch()} />}
            <Group>
              <Button size="compact-xs" variant="subtle" onClick={() => void refetch()} loading={isFetching}>
                Check status
              </Button>
              <Text size="xs">Read at {formatTime(dataUpdatedAt)} UTC</Text>
            </Group>
            <StatusBody
              entry={entry}
              status={data}
              readAt={dataUpdatedAt}
              onRefresh={() => void refetch()}
              refreshing={isFetching}
            />
          </>
        ) : error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Skeleton h={60} role="status" aria-label="Reading the status" />
        )}
      </Stack>
    </Paper>
  );
}
