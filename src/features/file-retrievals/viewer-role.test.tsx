import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../app/query-client.ts';
import { meViewer, seedMe } from '../../auth/me-fixtures.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { PasswordField } from './password-field.tsx';
import { renderFileRetrievalsPage, serveGatewayConfig } from './test-render.tsx';

const sim = useSimServer();
beforeEach(() => serveGatewayConfig(sim));

function renderPassword(password: string | undefined, me = meViewer) {
  const queryClient = createQueryClient();
  seedMe(queryClient, me);
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <PasswordField password={password} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('File retrievals for a viewer (issue #9)', () => {
  it('disables Request file and Request on N devices, saying the role is why', async () => {
    const single = renderFileRetrievalsPage('', meViewer);
    expect(await screen.findByText('Your role (viewer) may not request files.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Request file' })).toBeDisabled();
    single.unmount();
    renderFileRetrievalsPage('?mode=bulk', meViewer);
    expect(await screen.findByRole('button', { name: /^Request on/ })).toBeDisabled();
    expect(screen.getByText('Your role (viewer) may not request files.')).toBeVisible();
  });

  it('shows no password to reveal or copy, and says why', () => {
    // The gateway strips the password for a viewer: the field has nothing to show.
    renderPassword(undefined);
    expect(screen.getByRole('textbox', { name: 'Decrypt password' })).toBeDisabled();
    expect(screen.getByText('Your role (viewer) may not reveal or copy retrieval passwords.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reveal password' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Copy password' })).toBeNull();
  });

  it('lets a responder (or loopback use without sign-in) reveal and copy', () => {
    renderPassword('cy-0123456789ab', { signedIn: false, role: 'responder', auth: 'none' });
    expect(screen.getByRole('button', { name: 'Reveal password' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Copy password' })).toBeInTheDocument();
  });
});
