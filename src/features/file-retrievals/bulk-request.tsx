import { Button, Group, Progress, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCanAct } from '../../auth/use-can-act.ts';
import { describeError } from '../../components/error-state.tsx';
import { settleWithConcurrency } from '../../lib/concurrency.ts';
import { validateFilePath } from '../../lib/file-path.ts';
import { useRequestFileRetrieval } from '../../tracking/file-retrievals.ts';
import { resolveDevice } from './device-lookup.ts';
import { FilePathInput } from './file-path-input.tsx';
import { actionColor, readableDescription } from './styles.ts';

/** Requests in flight at once: a bulk run must not flood the vendor (api-contracts.md §1 "Rate limit" [?]). */
const bulkConcurrency = 4;
export const maxBulkDevices = 200;

interface BulkResult {
  line: string;
  outcome: 'waiting' | 'sent' | 'skipped' | 'failed';
  detail: string;
}

/** One path on many devices: each line resolved to one device, then requested, with per-device results. */
export function BulkRequest() {
  const queryClient = useQueryClient();
  const requestRetrieval = useRequestFileRetrieval();
  const canRequest = useCanAct('request files');
  const [devicesText, setDevicesText] = useState('');
  const [path, setPath] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // The progress of this run (what the analyst started here), not server data.
  const [results, setResults] = useState<BulkResult[]>([]);
  const [running, setRunning] = useState(false);

  const lines = [
    ...new Set(
      devicesText
        .split(/[\n,;]+/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
  const checked = validateFilePath(path);
  const devicesError =
    submitted && lines.length === 0
      ? 'Give at least one device'
      : lines.length > maxBulkDevices
        ? `At most ${maxBulkDevices} devices per run (${lines.length} given)`
        : undefined;
  const done = results.filter((result) => result.outcome !== 'waiting').length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!checked.ok || lines.length === 0 || lines.length > maxBulkDevices || running) return;
    const filePath = checked.value.path;
    setRunning(true);
    setResults(lines.map((line) => ({ line, outcome: 'waiting', detail: 'Waiting' })));
    const settle = (index: number, result: Omit<BulkResult, 'line'>) =>
      setResults((current) => current.map((row, at) => (at === index ? { ...row, ...result } : row)));
    const sentTo = new Set<string>();
    await settleWithConcurrency(lines, bulkConcurrency, async (line, index) => {
      try {
        const resolved = await resolveDevice(queryClient, line);
        if (!resolved.ok)
          return settle(index, { outcome: 'skipped', detail: `${resolved.reason}; no request sent` });
        const { device } = resolved;
        // A hostname and a pasted id can name the same device: request it once per run.
        if (sentTo.has(device.opticsId))
          return settle(index, {
            outcome: 'skipped',
            detail: `${device.name} is already in this run; not sent twice`,
          });
        sentTo.add(device.opticsId);
        const item = await requestRetrieval({ deviceId: device.opticsId, filePath, hostname: device.name });
        settle(index, { outcome: 'sent', detail: `${device.name}: ${item.file_status}` });
      } catch (error) {
        const { title, detail, requestId } = describeError(error);
        settle(index, {
          outcome: 'failed',
          detail: `${title}: ${detail}${requestId ? ` (request id ${requestId})` : ''}`,
        });
      }
    });
    setRunning(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Request a file on many devices">
      <Stack gap="sm">
        <Textarea
          label="Devices"
          descriptionProps={readableDescription}
          description="One hostname or device id per line (commas work too)"
          rows={4}
          value={devicesText}
          onChange={(event) => setDevicesText(event.currentTarget.value)}
          error={devicesError}
          spellCheck={false}
        />
        <FilePathInput value={path} onChange={setPath} submitted={submitted} />
        <Group>
          <Button color={actionColor} type="submit" loading={running} disabled={!canRequest.allowed}>
            Request on {lines.length} device{lines.length === 1 ? '' : 's'}
          </Button>
          {canRequest.reason && <Text size="sm">{canRequest.reason}</Text>}
        </Group>
        {results.length > 0 && (
          <Stack gap="xs">
            <Progress
              value={(done / results.length) * 100}
              aria-label={`Bulk request progress: ${done} of ${results.length}`}
            />
            <Text size="sm" role="status">
              {done} of {results.length} done
            </Text>
            <Table aria-label="Bulk request results" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Device</Table.Th>
                  <Table.Th>Result</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.map((result) => (
                  <Table.Tr key={result.line}>
                    <Table.Td>{result.line}</Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={
                          result.outcome === 'failed'
                            ? 'red'
                            : result.outcome === 'skipped'
                              ? 'orange'
                              : undefined
                        }
                      >
                        {result.detail}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </form>
  );
}
