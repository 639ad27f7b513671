import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state.tsx';

/** A page that threw: say what happened in words and keep the rest of the console usable. */
export function RouteError() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <Stack gap="md" p="md">
      <Title order={1}>This page could not be shown</Title>
      <ErrorState error={shown} />
      <Group>
        <Button variant="light" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
        <Anchor component={Link} to="/">
          Go to the overview
        </Anchor>
      </Group>
    </Stack>
  );
}
