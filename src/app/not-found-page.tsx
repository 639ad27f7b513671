import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <Stack gap="sm">
      <Title order={1}>Page not found</Title>
      <Text>
        There is no page at <code>{location.pathname}</code>.
      </Text>
      <Anchor component={Link} to="/">
        Go to the overview
      </Anchor>
    </Stack>
  );
}
