import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type StatusObservation, transitionStore } from '../../tracking/transitions.ts';
import { useResolutionAlerts } from './resolution-alerts.ts';

let visibility: DocumentVisibilityState = 'visible';
const shown: { title: string; options?: NotificationOptions }[] = [];

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => FakeNotification.permission);
  constructor(title: string, options?: NotificationOptions) {
    shown.push({ title, options });
  }
}

function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function pending(uid: string, status: string): StatusObservation {
  return { kind: 'focus-view', itemId: `${uid}|D`, status, device: 'WS-9', subject: uid };
}

function Alerts() {
  useResolutionAlerts();
  return null;
}

beforeEach(() => {
  visibility = 'visible';
  shown.length = 0;
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  vi.stubGlobal('Notification', FakeNotification);
  transitionStore.observe([pending('A', 'PENDING'), pending('B', 'PENDING'), pending('C', 'PENDING')]);
  render(
    <MantineProvider>
      <Notifications />
      <Alerts />
    </MantineProvider>,
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  transitionStore.clear();
});

describe('useResolutionAlerts', () => {
  it('raises one browser notification for resolutions while hidden, when allowed', () => {
    FakeNotification.permission = 'granted';
    setVisibility('hidden');
    act(() => {
      transitionStore.observe([pending('A', 'AVAILABLE')]);
      transitionStore.observe([pending('B', 'DOES_NOT_EXIST')]);
    });
    // Later resolutions replace the notification in place (same tag), so one is on screen.
    expect(new Set(shown.map((item) => item.options?.tag)).size).toBe(1);
    expect(shown.at(-1)?.options?.body).toBe('2 tracked items resolved: 1 available, 1 does not exist.');
    setVisibility('visible');
    expect(screen.queryByText('While you were away')).not.toBeInTheDocument();
  });

  it('shows one toast on return instead, when notifications are not allowed', async () => {
    FakeNotification.permission = 'default';
    setVisibility('hidden');
    act(() => {
      transitionStore.observe([pending('A', 'AVAILABLE'), pending('C', 'AVAILABLE')]);
    });
    expect(shown).toEqual([]);
    setVisibility('visible');
    expect(await screen.findAllByText('While you were away')).toHaveLength(1);
    expect(screen.getByText('2 tracked items resolved: 2 available.')).toBeInTheDocument();
  });

  it('stays quiet while the overview is visible: the feed is the announcement', () => {
    FakeNotification.permission = 'granted';
    act(() => {
      transitionStore.observe([pending('A', 'AVAILABLE')]);
    });
    expect(shown).toEqual([]);
  });
});
