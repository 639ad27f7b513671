import { Title } from '@mantine/core';

// Placeholder: replaced by the owner of this page.
export function FocusViewDetailPage() {
  return <Title order={1}>Focus view</Title>;
}
