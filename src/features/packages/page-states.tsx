import { Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type PackagesView, packagesHref } from './url-state.ts';

/** No package matches: say so, and offer to drop the filters that caused it. */
export function NoPackages({ view }: { view: PackagesView }) {
  const filtered = view.category !== null || view.status !== null;
  return (
    <Stack gap="xs" align="flex-start">
      <Text fw={500}>
        {filtered ? 'No packages match these filters.' : 'This tenant has no packages yet.'}
      </Text>
      {filtered && (
        <Button
          component={Link}
          to={packagesHref({ pageSize: view.pageSize, sort: view.sort })}
          variant="light"
          size="xs"
        >
          Clear filters
        </Button>
      )}
    </Stack>
  );
}

/** A page number past the end (an old link, a hand-edited URL): empty, with a way back. */
export function BeyondLastPage({ view, lastPage }: { view: PackagesView; lastPage: number }) {
  return (
    <Stack gap="xs" align="flex-start">
      <Text fw={500}>
        Page {view.page} is past the end: there {lastPage === 1 ? 'is 1 page' : `are ${lastPage} pages`}.
      </Text>
      <Group gap="xs">
        <Button component={Link} to={packagesHref({ ...view, page: lastPage })} variant="light" size="xs">
          Go to the last page ({lastPage})
        </Button>
        <Button component={Link} to={packagesHref({ ...view, page: 1 })} variant="default" size="xs">
          Go to the first page
        </Button>
      </Group>
    </Stack>
  );
}
