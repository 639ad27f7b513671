import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';

/** Paste UUIDs to snapshot them; an empty box makes no call and says why. */
export function EsetSnapshotForm({ onSubmit }: { onSubmit: (raw: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const raw = String(new FormData(event.currentTarget).get('uuids') ?? '').trim();
        if (raw === '') {
          setError('Enter at least one ESET device UUID.');
          return;
        }
        setError(null);
        onSubmit(raw);
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          name="uuids"
          label="Snapshot by UUID"
          placeholder="uuid, uuid, …"
          size="xs"
          miw={320}
          error={error}
          onChange={() => setError(null)}
        />
        <Button type="submit" size="xs" variant="light">
          Load snapshot
        </Button>
      </Group>
    </form>
  );
}
