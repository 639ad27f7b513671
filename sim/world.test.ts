import { defaultSimConfig } from './config.ts';
import { createRandom } from './random.ts';
import { createWorld, macSpelling } from './world.ts';

describe('the simulated world', () => {
  const world = createWorld(defaultSimConfig, createRandom(1).fork('world'));

  it('has the configured number of machines per vendor', () => {
    expect(world.cylanceMachines).toHaveLength(defaultSimConfig.cylanceDevices);
    expect(world.esetMachines).toHaveLength(defaultSimConfig.esetDevices);
    expect(world.prismaMachines).toHaveLength(defaultSimConfig.prismaVerdicts);
  });

  it('puts the same machines in all three vendors, and some in one only', () => {
    const inAll = world.machines.filter((m) => m.cylanceId && m.esetUuid && m.inPrisma);
    const cylanceOnly = world.machines.filter((m) => m.cylanceId && !m.esetUuid && !m.inPrisma);
    const prismaOnly = world.machines.filter((m) => !m.cylanceId && !m.esetUuid && m.inPrisma);
    expect(inAll.length).toBeGreaterThan(100);
    expect(cylanceOnly.length).toBeGreaterThan(0);
    expect(prismaOnly.length).toBeGreaterThan(1000);
  });

  it('gives every machine a unique IP and MAC, even at 100 000 verdicts', () => {
    const big = createWorld({ ...defaultSimConfig, prismaVerdicts: 100_000 }, createRandom(2));
    expect(new Set(big.machines.map((m) => m.ip)).size).toBe(big.machines.length);
    expect(new Set(big.machines.map((m) => m.mac)).size).toBe(big.machines.length);
    expect(big.machines.every((m) => /^10\.\d+\.\d+\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])$/.test(m.ip))).toBe(
      true,
    );
  });

  it('spells one MAC the three vendor ways', () => {
    expect(macSpelling.cylance('06F8138B16C9')).toBe('06-F8-13-8B-16-C9');
    expect(macSpelling.eset('06F8138B16C9')).toBe('06:F8:13:8B:16:C9');
    expect(macSpelling.prisma('06F8138B16C9')).toBe('06:f8:13:8b:16:c9');
  });

  it('is the same for the same seed', () => {
    const again = createWorld(defaultSimConfig, createRandom(1).fork('world'));
    expect(again.machines.slice(0, 20)).toEqual(world.machines.slice(0, 20));
  });
});
