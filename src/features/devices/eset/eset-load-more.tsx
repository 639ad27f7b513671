import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

interface NextPageQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** ESET lists page with `pageToken`/`nextPageToken` (api-contracts.md, ESET "Paging"): one more page per click. */
export function EsetLoadMore({ query, children }: { query: NextPageQuery; children: ReactNode }) {
  if (!query.hasNextPage) return null;
  return (
    <Group>
      <Button
        variant="light"
        size="xs"
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {children}
      </Button>
    </Group>
  );
}
