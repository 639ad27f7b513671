import { Button, Code, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';

/**
 * The decrypt password (a secret, api-contracts.md §1): hidden until the analyst reveals or copies it.
 * It lives only in this component's props (the query cache in memory), never in the URL, storage or CSV.
 */
export function PasswordField({ password }: { password: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={500} w={90}>
        Password
      </Text>
      <Code aria-label={revealed ? 'Decrypt password' : 'Decrypt password (hidden)'}>
        {revealed ? password : '••••••••••••'}
      </Code>
      <Button size="compact-xs" variant="subtle" onClick={() => setRevealed((value) => !value)}>
        {revealed ? 'Hide password' : 'Reveal password'}
      </Button>
      <CopyButton value={password} label="Copy password" />
    </Group>
  );
}
