import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCanAct } from '../../auth/use-can-act.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { validateFilePath } from '../../lib/file-path.ts';
import { fileRetrievalKey, useRequestFileRetrieval } from '../../tracking/file-retrievals.ts';
import type { PickedDevice } from './device-lookup.ts';
import { DevicePicker } from './device-picker.tsx';
import { FilePathInput } from './file-path-input.tsx';
import { actionColor } from './styles.ts';

/** Request one file from one device: validated before anything is sent, tracked before the POST. */
export function RequestForm({
  onRequested,
  initialDevice,
}: {
  onRequested: (key: string) => void;
  initialDevice?: string;
}) {
  const [device, setDevice] = useState<PickedDevice | null>(null);
  const [path, setPath] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const requestRetrieval = useRequestFileRetrieval();
  const mutation = useMutation({ mutationFn: requestRetrieval });
  const canRequest = useCanAct('request files');
  const checked = validateFilePath(path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!device || !checked.ok) return;
    const target = { deviceId: device.opticsId, filePath: checked.value.path, hostname: device.name };
    onRequested(fileRetrievalKey(target));
    mutation.mutate(target, { onSuccess: () => setPath('') });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Request a file">
      <Stack gap="sm">
        <DevicePicker
          initialInput={initialDevice}
          value={device}
          onChange={setDevice}
          error={submitted && !device ? 'Pick a device first: no request is sent without one' : undefined}
        />
        <FilePathInput value={path} onChange={setPath} submitted={submitted} />
        <Group>
          <Button
            color={actionColor}
            type="submit"
            loading={mutation.isPending}
            disabled={!canRequest.allowed}
          >
            Request file
          </Button>
          {canRequest.reason && <Text size="sm">{canRequest.reason}</Text>}
        </Group>
        {mutation.error && <ErrorState error={mutation.error} />}
      </Stack>
    </form>
  );
}
