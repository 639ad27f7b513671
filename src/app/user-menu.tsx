import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { meQueries, signOut } from '../api/gateway/me.ts';

/**
 * Who is signed in, and Sign out (issue #9). Lazy like the mode badge (zod stays out of the first-route
 * bundle, issue #11). Nothing shows without sign-in configured (`auth: 'none'`).
 */
export function UserMenu() {
  const { data } = useQuery(meQueries.me());
  const leave = useMutation({
    mutationFn: signOut,
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
  if (!data?.signedIn) return null;
  const name = data.user?.name ?? data.user?.email ?? 'Signed in';
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" visibleFrom="sm" title={data.user?.email ?? undefined}>
        Signed in as {name} ({data.role})
      </Text>
      <Button size="xs" variant="default" onClick={() => leave.mutate()} loading={leave.isPending}>
        Sign out
      </Button>
    </Group>
  );
}
