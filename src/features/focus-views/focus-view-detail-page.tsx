import { Anchor, Code, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { type FocusViewResults, focusViewQueries } from '../../api/cylance/focus-views.ts';
import type { FocusView } from '../../api/cylance/schemas.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatVendorTimeBare } from '../../lib/vendor-time.ts';
import { IdCell } from './list-columns.tsx';
import { focusStatusMeanings } from './status.ts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs">{label}</Text>
      <div>{children}</div>
    </Stack>
  );
}

function Summary({ view }: { view: FocusView }) {
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Field label="Status">
          <StatusBadge status={view.status} meanings={focusStatusMeanings} variant="dot" />
        </Field>
        <Field label="Hostname">{view.hostname ?? '—'}</Field>
        <Field label="Created (UTC)">{formatVendorTimeBare(view.created_at)}</Field>
        <Field label="Focus view id">
          <IdCell value={view.id} label="focus view id" />
        </Field>
        <Field label="Device id">
          <IdCell value={view.device_id} label="device id" />
        </Field>
        <Field label="Event uid">
          <IdCell value={view.value} label="event uid" />
        </Field>
        <Field label="Artifact">
          {view.artifact_type}
          {view.artifact_subtype ? ` / ${view.artifact_subtype}` : ''}
          {view.threat_type ? ` (${view.threat_type})` : ''}
        </Field>
        <Field label="Description">{view.description || '—'}</Field>
      </SimpleGrid>
    </Paper>
  );
}

/** The results schema is unpublished [?]: a node/edge graph when it looks like one, the raw answer otherwise. */
function Results({ results }: { results: FocusViewResults }) {
  if (!results.nodes) {
    return (
      <Stack gap="xs">
        <Text size="sm">
          The vendor answered in a shape the console does not know yet; here it is as sent.
        </Text>
        <Code block>{JSON.stringify(results.raw, null, 2).slice(0, 20_000)}</Code>
      </Stack>
    );
  }
  const names = new Map(results.nodes.map((node) => [node.id, node.name ?? node.id]));
  return (
    <Stack gap="sm">
      <Table aria-label="Events in the focus view" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Time (UTC)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.nodes.map((node) => (
            <Table.Tr key={node.id}>
              <Table.Td>{node.type ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {node.name ?? node.id}
                </Text>
              </Table.Td>
              <Table.Td>
                {typeof node.timestamp === 'string' ? formatVendorTimeBare(node.timestamp) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {results.edges && results.edges.length > 0 && (
        <Table aria-label="How the events relate">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From</Table.Th>
              <Table.Th>Relation</Table.Th>
              <Table.Th>To</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.edges.map((edge) => (
              <Table.Tr key={`${edge.source}-${edge.relation}-${edge.target}`}>
                <Table.Td>{names.get(edge.source) ?? edge.source}</Table.Td>
                <Table.Td>{edge.relation || '—'}</Table.Td>
                <Table.Td>{names.get(edge.target) ?? edge.target}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function FocusViewDetailPage() {
  const { focusId = '' } = useParams();
  const summary = useQuery(focusViewQueries.detail(focusId));
  const available = summary.data?.status === 'AVAILABLE';
  const results = useQuery({ ...focusViewQueries.results(focusId), enabled: available });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Focus view</Title>
        <Anchor component={Link} to="/focus-views">
          Back to focus views
        </Anchor>
      </Group>
      {summary.data ? (
        <Summary view={summary.data} />
      ) : summary.error ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Skeleton height={160} role="status" aria-label="Loading the focus view" />
      )}
      <Title order={2} size="h3">
        Results
      </Title>
      {summary.data && !available ? (
        <Text>Results appear once the focus view is available.</Text>
      ) : results.data ? (
        <Results results={results.data} />
      ) : results.error ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <Skeleton height={120} role="status" aria-label="Loading the results" />
      )}
    </Stack>
  );
}
