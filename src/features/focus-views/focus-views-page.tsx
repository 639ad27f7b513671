import { Title } from '@mantine/core';

// Placeholder: replaced by the owner of this page.
export function FocusViewsPage() {
  return <Title order={1}>Focus views</Title>;
}
