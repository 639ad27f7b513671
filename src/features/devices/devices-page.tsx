import { Title } from '@mantine/core';

// Placeholder: replaced by the owner of this page.
export function DevicesPage() {
  return <Title order={1}>Devices</Title>;
}
