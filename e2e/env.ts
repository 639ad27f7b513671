/** Where the e2e gateway and (in live mode) its separately started simulator listen; shared by the config and specs. */
export const e2ePort = Number(process.env.E2E_PORT ?? 8099);
export const e2eLive = process.env.E2E_MODE === 'live';
export const simPort = e2ePort + 1000;

/** Demo mode exposes the simulator's clock through the gateway; a live-mode gateway does not, so go direct. */
export const simClockUrl = e2eLive ? `http://127.0.0.1:${simPort}/sim/clock` : '/api/sim/clock';
