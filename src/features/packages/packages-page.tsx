import { Title } from '@mantine/core';

// Placeholder: replaced by the owner of this page.
export function PackagesPage() {
  return <Title order={1}>Packages</Title>;
}
