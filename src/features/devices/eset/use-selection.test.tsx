import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import { describe, expect, it } from 'vitest';
import { maxSnapshotUuids } from '../../../api/eset/devices.ts';
import { useEsetSelectableTable, useEsetSelection } from './use-selection.ts';

const rows = Array.from({ length: maxSnapshotUuids + 1 }, (_, i) => ({
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
}));

function SelectAll() {
  const table = useEsetSelectableTable([], rows);
  const { selected } = useEsetSelection();
  return (
    <>
      <button type="button" onClick={() => table.toggleAllRowsSelected(true)}>
        Select all loaded
      </button>
      <output>{`${selected.length} selected`}</output>
    </>
  );
}

describe('the ESET selection', () => {
  it('keeps at most 1 000 devices and says so: it travels in the link', async () => {
    render(
      <MantineProvider env="test">
        <Notifications />
        <NuqsTestingAdapter hasMemory>
          <SelectAll />
        </NuqsTestingAdapter>
      </MantineProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Select all loaded' }));
    expect(await screen.findByText('1000 selected')).toBeInTheDocument();
    expect(await screen.findByText('1,000 devices selected, not 1,001')).toBeInTheDocument();
  });
});
