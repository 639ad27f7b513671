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

// Enough buttons to pick from; more means the analyst should type more of the name.
const maxSuggestions = 8;

/** Devices whose name contains the text (any case), leaving out the exact matches already shown. */
export function nameSuggestions(inventory: CylanceDevice[], text: string, exact: CylanceDevice[]) {
  const needle = text.toLowerCase();
  const shown = new Set(exact.map((device) => device.id));
  const matches = inventory
    .filter((device) => !shown.has(device.id) && device.name.toLowerCase().includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { devices: matches.slice(0, maxSuggestions), more: Math.max(0, matches.length - maxSuggestions) };
}

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
  // The vendor finds hostnames only exactly; part of a name is searched in the (cached) inventory.
  const partial = query?.kind === 'hostname' && query.name.length >= 2;
  const inventory = useQuery({ ...cylanceDeviceQueries.inventory(), enabled: partial });
  if (!query) {
    return { query, devices: [] as CylanceDevice[], suggestions: undefined, isLoading: false, error: null };
  }
  const active = query.kind === 'id' ? byId : byName;
  const devices = query.kind === 'id' ? (byId.data ? [byId.data] : []) : (byName.data ?? []);
  const notFound = active.error instanceof HttpError && active.error.status === 404;
  const suggestions =
    partial && inventory.data && !active.isLoading
      ? nameSuggestions(inventory.data, query.name, devices)
      : undefined;
  return {
    query,
    devices,
    suggestions,
    isLoading: active.isLoading || (partial && inventory.isLoading),
    error: notFound ? null : (active.error ?? (partial ? inventory.error : null)),
  };
}

function DeviceChoices({
  label,
  devices,
  onPick,
}: {
  label: string;
  devices: CylanceDevice[];
  onPick: (device: PickedDevice) => void;
}) {
  return (
    <Group gap="xs" role="group" aria-label={label}>
      {devices.map((device) => (
        <Button
          key={device.id}
          size="compact-sm"
          variant="default"
          onClick={() => onPick(toPickedDevice(device))}
        >
          Use {device.name} ({device.state ?? 'state unknown'})
        </Button>
      ))}
    </Group>
  );
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
        description="Hostname, part of a name, or device id (with or without hyphens)"
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
        !search.suggestions?.devices.length &&
        debounced === input && (
          <Text size="sm" c="orange" role="status">
            No Cylance device matches “{debounced.trim()}”.
          </Text>
        )}
      {search.devices.length > 0 && (
        <DeviceChoices label="Matching devices" devices={search.devices} onPick={onChange} />
      )}
      {search.suggestions && search.suggestions.devices.length > 0 && (
        <>
          <Text size="xs">Names containing “{debounced.trim()}”:</Text>
          <DeviceChoices
            label="Devices whose name contains it"
            devices={search.suggestions.devices}
            onPick={onChange}
          />
          {search.suggestions.more > 0 && (
            <Text size="xs">and {search.suggestions.more} more: type more of the name.</Text>
          )}
        </>
      )}
    </Stack>
  );
}
