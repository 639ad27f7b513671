import { Box } from '@mantine/core';
import { StatusBadge } from '../../components/status-badge.tsx';
import { fileStatusMeanings } from '../../tracking/file-retrieval-status.ts';

/** A file status in words; the minimum width keeps a narrow table cell from truncating the label. */
export function FileStatusBadge({ status }: { status: string }) {
  return (
    <Box miw={140}>
      <StatusBadge status={status} meanings={fileStatusMeanings} variant="dot" />
    </Box>
  );
}
