import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { ContractError, HttpError } from '../api/http.ts';
import { CopyButton } from './copy-button.tsx';

/** What a person should read about a failure: the vendor's words, the status, and the id support asks for. */
export function describeError(error: unknown): { title: string; detail: string; requestId?: string } {
  if (error instanceof ContractError) {
    return {
      title: 'The vendor answered in an unexpected shape',
      detail: `${error.message}. The rest of the console keeps working.`,
      requestId: error.requestId,
    };
  }
  if (error instanceof HttpError) {
    const titles: Record<number, string> = {
      400: 'The vendor rejected the request',
      401: 'The vendor did not accept the credentials',
      403: 'The credentials lack the permission (scope) for this',
      404: 'Not found at the vendor',
      409: 'The vendor is busy with a conflicting job',
      429: 'The vendor is rate limiting us',
    };
    const title =
      titles[error.status] ?? (error.status >= 500 ? 'The vendor had a problem' : 'The request failed');
    const wait = error.retryAfterMs ? ` Retry after ${Math.ceil(error.retryAfterMs / 1000)} s.` : '';
    return {
      title: `${title} (HTTP ${error.status})`,
      detail: `${error.message}${error.code ? ` [${error.code}]` : ''}.${wait}`,
      requestId: error.requestId,
    };
  }
  if (error instanceof Error) return { title: 'Something went wrong', detail: error.message };
  return { title: 'Something went wrong', detail: String(error) };
}

export function RequestId({ id }: { id?: string }) {
  if (!id) return null;
  return (
    <Group gap={4}>
      <Text size="xs" c="dimmed">
        Request id
      </Text>
      <Code>{id}</Code>
      <CopyButton value={id} label="Copy request id" />
    </Group>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { title, detail, requestId } = describeError(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        <RequestId id={requestId} />
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
