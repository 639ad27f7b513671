import { Badge, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cylanceDeviceQueries } from '../../api/cylance/devices.ts';
import type { CylanceDevice } from '../../api/cylance/schemas.ts';
import { HttpError } from '../../api/http.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { classifyDeviceInput, type PickedDevice, toPickedDevice } from './device-lookup.ts';
import { readableDescription } from './styles.ts';

function useDeviceSearch(input: string) {
  const query = classifyDeviceInput(input);
  const byId = useQuery({
    ...cylanceDeviceQueries.detail(query?.kind === 'id' ? query.uuid : ''),
    enabled: query?.kind === 'id',
  });
  const byName = useQuery({
    ...cylanceDeviceQueries.byHostname(query?.kind === 'hostname' ? query.name : ''),
    enabled: query?.kind === 'hostname',
  });
  if (!query) return { query, devices: [] as CylanceDevice[], isLoading: false, error: null };
  const active = query.kind === 'id' ? byId : byName;
  const devices = query.kind === 'id' ? (byId.data ? [byId.data] : []) : (byName.data ?? []);
  const notFound = active.error instanceof HttpError && active.error.status === 404;
  return { query, devices, isLoading: active.isLoading, error: notFound ? null : active.error };
}

/** Search Cylance devices by name/hostname or a pasted id (either form), then pick one. */
export function DevicePicker({
  initialInput,
  value,
  onChange,
  error,
}: {
  initialInput?: string;
  value: PickedDevice | null;
  onChange: (device: PickedDevice | null) => void;
  error?: string;
}) {
  const [input, setInput] = useState(initialInput ?? '');
  const [debounced] = useDebouncedValue(input, 300);
  const search = useDeviceSearch(debounced);

  if (value) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Device
        </Text>
        <Group gap="xs">
          <Badge variant="light" size="lg" tt="none">
            {value.name}
          </Badge>
          <Text size="xs" ff="monospace">
            {value.opticsId}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(null)}>
            Change device
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput
        label="Device"
        descriptionProps={readableDescription}
        description="Hostname or device id (with or without hyphens)"
        value={input}
        onChange={(event) => setInput(event.currentTarget.value)}
        error={error}
        rightSection={search.isLoading ? <Loader size="xs" /> : null}
      />
      {search.error && <ErrorState error={search.error} />}
      {search.query &&
        !search.isLoading &&
        !search.error &&
        search.devices.length === 0 &&
        debounced === input && (
          <Text size="sm" c="orange" role="status">
            No Cylance device matches “{debounced.trim()}”. Hostnames must match exactly.
          </Text>
        )}
      {search.devices.length > 0 && (
        <Group gap="xs" role="group" aria-label="Matching devices">
          {search.devices.map((device) => (
            <Button
              key={device.id}
              size="compact-sm"
              variant="default"
              onClick={() => onChange(toPickedDevice(device))}
            >
              Use {device.name} ({device.state ?? 'state unknown'})
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
