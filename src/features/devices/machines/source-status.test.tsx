import { MantineProvider } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VerdictDumpState } from '../../../api/prisma/verdict-dump.ts';
import { SourceStatus } from './source-status.tsx';

function loaded(count: number) {
  return { data: new Array(count).fill(null), error: null, isPending: false } as unknown as UseQueryResult<
    readonly unknown[]
  >;
}

describe('SourceStatus', () => {
  it('counts a large tenant with thousands separators, as the rest of the console does', () => {
    const prisma = { status: 'done', verdicts: new Array(100_000).fill(null) } as unknown as VerdictDumpState;
    render(
      <MantineProvider env="test">
        <SourceStatus
          cylance={loaded(20_000)}
          eset={loaded(1_250)}
          prisma={prisma}
          onResumePrisma={() => {}}
        />
      </MantineProvider>,
    );
    expect(screen.getByText('Cylance: 20,000 devices')).toBeInTheDocument();
    expect(screen.getByText('ESET: 1,250 devices')).toBeInTheDocument();
    expect(screen.getByText('Prisma: 100,000 verdicts')).toBeInTheDocument();
  });
});
