import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCanAct } from '../../auth/use-can-act.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { monospaceInput, readableDescription } from './styles.ts';

const mask = '••••••••••••';

/**
 * The decrypt password (a secret, api-contracts.md §1): hidden until the analyst reveals or copies it — the
 * hidden state does not even put it in the DOM. It lives only in the query cache in memory, never in the
 * URL, storage or CSV.
 */
export function PasswordField({ password }: { password: string | null | undefined }) {
  const [revealed, setRevealed] = useState(false);
  // A viewer never receives the password (the gateway strips it, issue #9): say why instead.
  const canReveal = useCanAct('reveal or copy retrieval passwords');
  if (!canReveal.allowed) {
    return (
      <Group gap="xs" align="end" wrap="nowrap">
        <TextInput
          label="Decrypt password"
          descriptionProps={readableDescription}
          description={canReveal.reason}
          value={mask}
          readOnly
          disabled
          styles={monospaceInput}
          w={320}
          size="xs"
        />
        <Button size="compact-xs" variant="subtle" disabled mb={4}>
          Reveal password
        </Button>
      </Group>
    );
  }
  if (!password) return null;
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
