import { Divider, Stack, Text } from '@mantine/core';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { formatUtcTime } from '../../../lib/vendor-time.ts';
import { Fields } from './fields.tsx';

function updated(seconds: number | null | undefined): string {
  return seconds ? formatUtcTime(seconds * 1000) : '';
}

export function PrismaPanel({ verdicts, loading }: { verdicts: readonly Verdict[]; loading: boolean }) {
  if (verdicts.length === 0) {
    return (
      <Text>
        {loading
          ? 'Network verdicts are still loading…'
          : 'The network (Prisma Device-ID) has no verdict for it.'}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {verdicts.map((verdict, index) => (
        <Stack key={verdict.ip} gap="xs">
          {index > 0 && <Divider label="Another verdict for the same machine" />}
          <Fields
            caption={`Prisma verdict for ${verdict.ip}`}
            fields={[
              { label: 'IP', value: verdict.ip, copy: verdict.ip },
              { label: 'MAC', value: verdict.mac },
              { label: 'Category', value: verdict.category },
              { label: 'Vendor', value: verdict.vendor },
              { label: 'Model', value: verdict.model },
              { label: 'OS', value: verdict.os },
              { label: 'OS family', value: verdict.osFamily },
              { label: 'Profile', value: verdict.profile },
              { label: 'Updated', value: updated(verdict.updateTime) },
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}
