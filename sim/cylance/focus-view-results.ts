import type { Random } from '../random.ts';
import type { SimFocusView } from './focus-view-state.ts';

/**
 * `GET /foci/v2/{id}/results`: the vendor does not publish this schema (api-contracts.md §1 [?]). The simulator
 * answers a small plausible event graph — nodes (processes, files, connections, registry keys) and edges —
 * and the console must stay tolerant of any other shape.
 */
const processes = ['winword.exe', 'powershell.exe', 'cmd.exe', 'rundll32.exe', 'svchost.exe', 'explorer.exe'];
const files = ['C:\\Users\\Public\\invoice.docm', 'C:\\Windows\\Temp\\a.ps1', 'C:\\ProgramData\\upd.dll'];
const registryKeys = ['HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater'];

export function focusViewResults(view: SimFocusView, random: Random) {
  const at = (offsetS: number) =>
    new Date(view.createdAt - 600_000 + offsetS * 1000).toISOString().slice(0, 19);
  const nodes = [
    { id: 'n1', type: 'Process', name: 'explorer.exe', pid: random.int(400, 9000), timestamp: at(0) },
    {
      id: 'n2',
      type: 'Process',
      name: random.pick(processes),
      pid: random.int(400, 9000),
      timestamp: at(12),
    },
    {
      id: 'n3',
      type: 'Process',
      name: 'powershell.exe',
      pid: random.int(400, 9000),
      command_line: 'powershell.exe -NoP -W Hidden -Enc SQBFAFgA...',
      timestamp: at(15),
    },
    { id: 'n4', type: 'File', name: random.pick(files), sha256: random.hex(64), timestamp: at(16) },
    {
      id: 'n5',
      type: 'NetworkConnection',
      name: `203.0.113.${random.int(1, 254)}:443`,
      timestamp: at(18),
    },
    { id: 'n6', type: 'RegistryKey', name: random.pick(registryKeys), timestamp: at(20) },
  ];
  const edges = [
    { source: 'n1', target: 'n2', relation: 'created' },
    { source: 'n2', target: 'n3', relation: 'created' },
    { source: 'n3', target: 'n4', relation: 'wrote' },
    { source: 'n3', target: 'n5', relation: 'connected' },
    { source: 'n3', target: 'n6', relation: 'modified' },
  ];
  return { focus_id: view.id, device_id: view.deviceId, artifact_value: view.value, nodes, edges };
}
