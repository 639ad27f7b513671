import { Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Package } from '../../api/cylance/schemas.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { SafeLink } from '../../components/safe-link.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatVendorTime } from '../../lib/vendor-time.ts';
import { packageStatusMeanings } from './columns.tsx';
import { formatBytes, formatExactBytes } from './format.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140} fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Everything seed 004 says about one package; the download link goes through the safe-URL rules. */
export function PackageDetails({ item, demo }: { item: Package; demo: boolean }) {
  const descriptor = item.packageDescriptor;
  const info = descriptor.packageInfo;
  const examples = descriptor.examples ?? [];
  return (
    <Stack gap="md">
      <Group gap="xs">
        <StatusBadge status={item.status} meanings={packageStatusMeanings} variant="dot" />
        <Text size="sm">Category: {item.category}</Text>
      </Group>
      <Text size="sm">{descriptor.description || 'No description.'}</Text>
      <Table aria-label="Package facts" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Field label="Package ID">
            <Group gap={4} wrap="nowrap">
              <Code>{item.packageId}</Code>
              <CopyButton value={item.packageId} label="Copy package ID" />
            </Group>
          </Field>
          <Field label="Version">{descriptor.version ?? '—'}</Field>
          <Field label="File type">{info?.fileType ?? '—'}</Field>
          <Field label="File name">{info?.fileName ?? '—'}</Field>
          <Field label="Entry point">{info?.entryPoint ?? '—'}</Field>
          <Field label="Size">
            {formatBytes(item.size)} ({formatExactBytes(item.size)})
          </Field>
          <Field label="Uploaded">
            {formatVendorTime(item.uploadedOn)}
            {item.uploadedBy?.login ? ` by ${item.uploadedBy.login}` : ''}
          </Field>
          <Field label="Download">
            {item.downloadUrl ? (
              <SafeLink url={item.downloadUrl} demo={demo}>
                Download {info?.fileName ?? 'package'}
              </SafeLink>
            ) : (
              'No download link'
            )}
          </Field>
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        Examples
      </Title>
      {examples.length === 0 ? (
        <Text size="sm">The package lists no examples.</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {examples.map((example, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one response; invocations may repeat.
            <li key={`${index}-${example.invocationString}`}>
              {example.description && <Text size="sm">{example.description}</Text>}
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Code block style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {example.invocationString}
                </Code>
                <CopyButton value={example.invocationString} label={`Copy example ${index + 1}`} />
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
