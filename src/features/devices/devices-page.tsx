import { Stack, Tabs, Title } from '@mantine/core';
import { parseAsStringLiteral, useQueryState } from 'nuqs';
import type { ComponentType } from 'react';
import { CylanceTab } from './cylance/cylance-tab.tsx';
import { EsetTab } from './eset/eset-tab.tsx';
import { MachinesTab } from './machines/machines-tab.tsx';
import { NetworkVerdictsTab } from './network/network-verdicts-tab.tsx';

const tabs = ['machines', 'eset', 'cylance', 'network'] as const;
type DevicesTab = (typeof tabs)[number];
const tabViews: Record<DevicesTab, { label: string; View: ComponentType }> = {
  machines: { label: 'All machines', View: MachinesTab },
  eset: { label: 'ESET', View: EsetTab },
  cylance: { label: 'Cylance', View: CylanceTab },
  network: { label: 'Network (Prisma)', View: NetworkVerdictsTab },
};
const tabParam = parseAsStringLiteral(tabs).withDefault('machines').withOptions({ history: 'push' });

/** `/devices`: the device inventory, one tab per view; the tab is in the URL (`?tab=eset`). */
export function DevicesPage() {
  const [tab, setTab] = useQueryState('tab', tabParam);
  return (
    <Stack gap="md">
      <Title order={1}>Devices</Title>
      <Tabs value={tab} onChange={(value) => void setTab(value as DevicesTab)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {tabViews[value].label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((value) => {
          const { View } = tabViews[value];
          return (
            <Tabs.Panel key={value} value={value} pt="md">
              <View />
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
