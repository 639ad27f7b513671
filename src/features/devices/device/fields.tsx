import { Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';

export interface Field {
  label: string;
  value: ReactNode;
  /** Offer a copy button for ids. */
  copy?: string;
}

/** A two-column list of what a source knows; empty values show as a dash, never as a blank. */
export function Fields({ fields, caption }: { fields: readonly Field[]; caption: string }) {
  return (
    <Table aria-label={caption} withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {fields.map((field) => (
          <Table.Tr key={field.label}>
            <Table.Th scope="row" w="40%">
              <Text size="sm" fw={500}>
                {field.label}
              </Text>
            </Table.Th>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {field.value === null || field.value === undefined || field.value === '' ? (
                  <Text>—</Text>
                ) : typeof field.value === 'string' || typeof field.value === 'number' ? (
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {field.value}
                  </Text>
                ) : (
                  field.value
                )}
                {field.copy && <CopyButton value={field.copy} label={`Copy ${field.label}`} />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
