import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../app/query-client.ts';
import { DownloadAction } from './download-action.tsx';

function renderAction(url: string, mode: 'demo' | 'live' = 'live') {
  const client = createQueryClient();
  client.setQueryData(['gateway', 'config'], {
    mode,
    vendors: { cylance: { connected: true }, eset: { connected: true }, prisma: { connected: true } },
  });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <DownloadAction url={url} readAt={Date.now()} onRefresh={() => {}} refreshing={false} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('DownloadAction safe links', () => {
  it('opens an https link in a new tab without opener or referrer, with the countdown', () => {
    renderAction('https://files.example.com/x?sig=1');
    const link = screen.getByRole('link', { name: 'Download the file' });
    expect(link).toHaveAttribute('href', 'https://files.example.com/x?sig=1');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('timer')).toHaveTextContent('Link expires in 10:00');
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/relative/download',
    '//evil.example/x',
    'http://files.example.com/plain-http',
    'http://127.0.0.1:9/loopback-outside-demo',
  ])('shows %s as inert text with a warning, never a link', (url) => {
    renderAction(url);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText(url.slice(0, 200))).toBeInTheDocument();
    expect(screen.getByText(/will not open/)).toBeInTheDocument();
    expect(document.querySelector('[href]')).toBeNull();
  });

  it('allows http to the loopback simulator in demo mode only', () => {
    renderAction('http://127.0.0.1:8787/sim-downloads/cylance/abc', 'demo');
    expect(screen.getByRole('link', { name: 'Download the file' })).toHaveAttribute(
      'href',
      'http://127.0.0.1:8787/sim-downloads/cylance/abc',
    );
  });

  it('offers "Get a new link" once the 10 minutes are over', () => {
    const client = createQueryClient();
    render(
      <MantineProvider>
        <QueryClientProvider client={client}>
          <DownloadAction
            url="https://files.example.com/x"
            readAt={Date.now() - 10 * 60_000}
            onRefresh={() => {}}
            refreshing={false}
          />
        </QueryClientProvider>
      </MantineProvider>,
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get a new link' })).toBeInTheDocument();
  });
});
