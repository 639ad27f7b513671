import { Stack, Tabs, Title } from '@mantine/core';
import { parseAsStringLiteral, useQueryState } from 'nuqs';
import { CylanceTab } from './cylance/cylance-tab.tsx';
import { EsetTab } from './eset/eset-tab.tsx';
import { MachinesTab } from './machines/machines-tab.tsx';
import { NetworkVerdictsTab } from './network/network-verdicts-tab.tsx';

const tabs = ['machines', 'eset', 'cylance', 'network'] as const;
type DevicesTab = (typeof tabs)[number];
const tabParam = parseAsStringLiteral(tabs).withDefault('machines').withOptions({ history: 'push' });

/** `/devices`: the device inventory, one tab per view; the tab is in the URL (`?tab=eset`). */
export function DevicesPage() {
  const [tab, setTab] = useQueryState('tab', tabParam);
  return (
    <Stack gap="md">
      <Title order={1}>Devices</Title>
      <Tabs value={tab} onChange={(value) => void setTab(value as DevicesTab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="machines">All machines</Tabs.Tab>
          <Tabs.Tab value="eset">ESET</Tabs.Tab>
          <Tabs.Tab value="cylance">Cylance</Tabs.Tab>
          <Tabs.Tab value="network">Network (Prisma)</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="machines" pt="md">
          <MachinesTab />
        </Tabs.Panel>
        <Tabs.Panel value="eset" pt="md">
          <EsetTab />
        </Tabs.Panel>
        <Tabs.Panel value="cylance" pt="md">
          <CylanceTab />
        </Tabs.Panel>
        <Tabs.Panel value="network" pt="md">
          <NetworkVerdictsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
