import { Button, Group, List, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type ArtifactType, artifactTypes } from '../../api/cylance/schemas.ts';
import type { FocusLookupRow } from '../../tracking/focus-lookups.ts';
import { whyNotRequestable } from './status.ts';
import { knownArtifactType, type RequestChoice } from './use-request-focus-views.ts';

/** Confirmation before work starts at the vendor (issue #3 "with a confirmation that says how many"). */
export function RequestDialog({
  rows,
  onClose,
  onConfirm,
}: {
  rows: readonly FocusLookupRow[] | null;
  onClose: () => void;
  onConfirm: (rows: FocusLookupRow[], choice: RequestChoice) => void;
}) {
  const [artifactType, setArtifactType] = useState<ArtifactType>('Process');
  const [threatType, setThreatType] = useState('');
  const [description, setDescription] = useState('');
  const all = rows ?? [];
  const requestable = all.filter((row) => whyNotRequestable(row.status, Boolean(row.error)) === null);
  const skipped = all.length - requestable.length;
  const reasons = new Map<string, number>();
  for (const row of all) {
    const why = whyNotRequestable(row.status, Boolean(row.error));
    if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  const withKnownType = requestable.filter((row) => knownArtifactType(row)).length;
  const needsThreat = requestable.some((row) => (knownArtifactType(row) ?? artifactType) === 'Protect');
  const blocked =
    requestable.length === 0
      ? 'Nothing here can be requested'
      : needsThreat && threatType.trim() === ''
        ? 'Enter the threat type for Protect'
        : null;
  const count = requestable.length;

  return (
    <Modal
      opened={rows !== null}
      onClose={onClose}
      title={`Request ${count} focus view${count === 1 ? '' : 's'}`}
    >
      <Stack gap="sm">
        <Text size="sm">
          {count} pair{count === 1 ? '' : 's'} will be sent to the vendor, one request each. Each becomes
          PENDING and is watched here until it resolves.
        </Text>
        {skipped > 0 && (
          <div>
            <Text size="sm" fw={500}>
              {skipped} selected row{skipped === 1 ? '' : 's'} cannot be requested:
            </Text>
            <List size="sm">
              {[...reasons].map(([why, n]) => (
                <List.Item key={why}>
                  {n} × {why}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {withKnownType > 0 && (
          <Text size="sm">
            {withKnownType} use the artifact type they came with from the focus-view list.
          </Text>
        )}
        {withKnownType < count && (
          <NativeSelect
            label={withKnownType > 0 ? 'Artifact type for the others' : 'Artifact type'}
            data={[...artifactTypes]}
            value={artifactType}
            onChange={(event) => setArtifactType(event.currentTarget.value as ArtifactType)}
          />
        )}
        {needsThreat && (
          <TextInput
            label="Threat type"
            description="Required with Protect"
            required
            value={threatType}
            onChange={(event) => setThreatType(event.currentTarget.value)}
          />
        )}
        <TextInput
          label="Description (optional)"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={blocked !== null}
            onClick={() => onConfirm(requestable, { artifactType, threatType, description })}
          >
            {blocked ?? `Request ${count} focus view${count === 1 ? '' : 's'}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
