import { Title } from '@mantine/core';

// Placeholder: replaced by the owner of this page.
export function OverviewPage() {
  return <Title order={1}>Overview</Title>;
}
