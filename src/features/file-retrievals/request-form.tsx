import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../components/error-state.tsx';
import { validateFilePath } from '../../lib/file-path.ts';
import { fileRetrievalKey, useRequestFileRetrieval } from '../../tracking/file-retrievals.ts';
import type { PickedDevice } from './device-lookup.ts';
import { DevicePicker } from './device-picker.tsx';
import { actionColor, monospaceInput, readableDescription } from './styles.ts';

export const pathDescription =
  'Absolute path on the device: C:\\Users\\name\\file.exe, \\\\server\\share\\file or /tmp/file';

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
  const checked = validateFilePath(path);
  const pathError = (submitted || path !== '') && !checked.ok ? checked.reason : undefined;

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
        <TextInput
          label="File path"
          descriptionProps={readableDescription}
          description={pathDescription}
          value={path}
          onChange={(event) => setPath(event.currentTarget.value)}
          error={pathError}
          spellCheck={false}
          autoComplete="off"
          styles={monospaceInput}
        />
        <Group>
          <Button color={actionColor} type="submit" loading={mutation.isPending}>
            Request file
          </Button>
        </Group>
        {mutation.error && <ErrorState error={mutation.error} />}
      </Stack>
    </form>
  );
}
