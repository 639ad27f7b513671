import { Title } from '@mantine/core';

// Placeholder: replaced by the owner of this page.
export function FileRetrievalsPage() {
  return <Title order={1}>File retrievals</Title>;
}
