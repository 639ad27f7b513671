import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { monospaceInput, readableDescription } from './styles.ts';

const mask = '••••••••••••';

/**
 * The decrypt password (a secret, api-contracts.md §1): hidden until the analyst reveals or copies it — the
 * hidden state does not even put it in the DOM. It lives only in the query cache in memory, never in the
 * URL, storage or CSV.
 */
export function PasswordField({ password }: { password: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <Group gap="xs" align="end" wrap="nowrap">
      <TextInput
        label="Decrypt password"
        descriptionProps={readableDescription}
        description={revealed ? undefined : 'Hidden'}
        value={revealed ? password : mask}
        readOnly
        styles={monospaceInput}
        w={240}
        size="xs"
      />
      <Button size="compact-xs" variant="subtle" onClick={() => setRevealed((value) => !value)} mb={4}>
        {revealed ? 'Hide password' : 'Reveal password'}
      </Button>
      <CopyButton value={password} label="Copy password" />
    </Group>
  );
}
