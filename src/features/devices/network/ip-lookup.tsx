import { Alert, Button, Card, Group, List, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useQueryState } from 'nuqs';
import { type FormEvent, useState } from 'react';
import { maxLookupIps, verdictQueries } from '../../../api/prisma/verdicts.ts';
import { ErrorState } from '../../../components/error-state.tsx';
import { type IpListResult, parseIpList } from '../../../lib/ip.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { formatUpdateTime, verdictCsvColumns } from './verdict-columns.tsx';
import { lookupParam } from './verdict-url-state.ts';

/**
 * `?ip=a,b,c`: up to 10 IPs per lookup (seed 002); Prisma silently leaves unknown IPs out, so the panel names
 * the ones that came back empty. The IPs live in the URL, so a lookup is a shareable link.
 */
export function IpLookup() {
  const [ips, setIps] = useQueryState('ip', lookupParam);
  const [errors, setErrors] = useState<IpListResult['errors']>([]);
  // A hand-edited link is checked like typed input before anything is sent to Prisma.
  const fromUrl = parseIpList(ips.join(','), maxLookupIps);
  const valid = fromUrl.ips.length > 0 && fromUrl.errors.length === 0;
  const lookup = useQuery({ ...verdictQueries.lookup(fromUrl.ips), enabled: valid });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseIpList(String(new FormData(event.currentTarget).get('ips') ?? ''), maxLookupIps);
    setErrors(parsed.errors);
    if (parsed.errors.length === 0) void setIps(parsed.ips.length > 0 ? parsed.ips : null);
  };

  const found = lookup.data ?? [];
  const missing = fromUrl.ips.filter((ip) => !found.some((verdict) => verdict.ip === ip));
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <form onSubmit={onSubmit}>
          <Group align="flex-end" gap="xs">
            <TextInput
              name="ips"
              label={`Look up IP addresses (up to ${maxLookupIps})`}
              placeholder="10.16.0.1, 10.16.0.2"
              defaultValue={ips.join(', ')}
              key={ips.join(',')}
              size="xs"
              miw={360}
              error={
                errors.length > 0
                  ? `${errors.length} entr${errors.length === 1 ? 'y is' : 'ies are'} not usable`
                  : undefined
              }
            />
            <Button type="submit" size="xs">
              Look up
            </Button>
            {ips.length > 0 && (
              <Button size="xs" variant="subtle" onClick={() => void setIps(null)}>
                Clear lookup
              </Button>
            )}
          </Group>
        </form>
        {errors.length > 0 && (
          <List size="sm" c="red">
            {errors.map((error) => (
              <List.Item key={error.input}>{`${error.input}: ${error.reason}`}</List.Item>
            ))}
          </List>
        )}
        {ips.length > 0 && fromUrl.errors.length > 0 && (
          <Alert color="red" title="The link's lookup cannot be sent">
            {fromUrl.errors.map((error) => `${error.input}: ${error.reason}`).join('; ')}
          </Alert>
        )}
        {valid && lookup.isPending && <Loader size="sm" aria-label="Looking up" />}
        {valid && lookup.error && <ErrorState error={lookup.error} onRetry={() => void lookup.refetch()} />}
        {valid && lookup.data && (
          <Stack gap="xs">
            {found.length > 0 && (
              <Table aria-label="Lookup results" striped>
                <Table.Thead>
                  <Table.Tr>
                    {['IP', 'MAC', 'Category', 'Vendor', 'Model', 'OS', 'Profile', 'Updated (UTC)'].map(
                      (header) => (
                        <Table.Th key={header}>{header}</Table.Th>
                      ),
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {found.map((verdict) => (
                    <Table.Tr key={verdict.ip}>
                      <Table.Td ff="monospace">{verdict.ip}</Table.Td>
                      <Table.Td ff="monospace">{verdict.mac}</Table.Td>
                      <Table.Td>{verdict.category}</Table.Td>
                      <Table.Td>{verdict.vendor}</Table.Td>
                      <Table.Td>{verdict.model}</Table.Td>
                      <Table.Td>{verdict.os}</Table.Td>
                      <Table.Td>{verdict.profile}</Table.Td>
                      <Table.Td>{formatUpdateTime(verdict.updateTime)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {missing.length > 0 && <Text size="sm">{`No verdict for ${missing.join(', ')}.`}</Text>}
            <Group>
              <ExportCsvButton
                rows={found}
                columns={verdictCsvColumns}
                filename="prisma-lookup.csv"
                label="Export lookup CSV"
              />
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
