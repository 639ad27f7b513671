import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  NavLink,
  Title,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { HoverTooltip } from '../components/hover-tooltip.tsx';
import { OfflineBanner } from './offline-banner.tsx';
import { navigation } from './routes.ts';
import { StorageBanner } from './storage-banner.tsx';
import { VendorBanners } from './vendor-banners.tsx';

function ColorSchemeToggle() {
  // Mantine remembers the choice in localStorage.
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <HoverTooltip label={`Switch to ${next} mode`}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`Switch to ${next} mode`}
        onClick={() => setColorScheme(next)}
      >
        <span aria-hidden>{computed === 'dark' ? '☀' : '☾'}</span>
      </ActionIcon>
    </HoverTooltip>
  );
}

// Lazy: keeps zod out of the first-route bundle (mode-badge.tsx, issue #11).
const ModeBadge = lazy(() => import('./mode-badge.tsx').then((m) => ({ default: m.ModeBadge })));
// Lazy for the same reason: who is signed in, and Sign out (user-menu.tsx, issue #9).
const UserMenu = lazy(() => import('./user-menu.tsx').then((m) => ({ default: m.UserMenu })));

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={2} size="h4">
              Triage Console
            </Title>
            <Suspense fallback={null}>
              <ModeBadge />
            </Suspense>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Suspense fallback={null}>
              <UserMenu />
            </Suspense>
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {navigation.map((item) => (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={item.label}
            active={isActive(pathname, item.path)}
            // Filled: the light variant's indigo-on-indigo text fails AA contrast.
            variant="filled"
            aria-current={isActive(pathname, item.path) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Resilience (issue #10): offline, unsaved tracked work, and a banner per failing vendor only. */}
        <OfflineBanner />
        <StorageBanner />
        <VendorBanners />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
