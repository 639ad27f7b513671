import { Title } from '@mantine/core';

// Placeholder: replaced by the owner of this page.
export function DevicePage() {
  return <Title order={1}>Device</Title>;
}
