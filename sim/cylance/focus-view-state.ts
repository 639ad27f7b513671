import { naiveUtc, pendingDurationMs, type SimContext } from '../context.ts';
import type { Random } from '../random.ts';
import type { SimTenant } from '../tenant.ts';
import { isOpticsId, toOpticsId } from './common.ts';
import { findCylanceDeviceByOpticsId } from './devices.ts';

/**
 * Optics focus views (api-contracts.md §1 "Focus views", seed 000): the state behind the handlers.
 *
 * Every status is computed from the clock when it is read (no timers), so a manual clock drives them:
 * a request is PENDING for pendingDurationMs, then resolves to its planned outcome; UNAVAILABLE reads as
 * RETRY_REQUEST an hour later (api-contracts.md §4 "Time moves").
 *
 * Besides the focus views that exist, each device has a universe of known event uids that nobody has
 * requested yet: they search as REQUEST (a few as RETRY_REQUEST or DOES_NOT_EXIST), UNAVAILABLE while the
 * device is offline; an uid the device never saw is DOES_NOT_EXIST; an unknown device — including any
 * device id not in the Optics spelling (api-contracts.md §4) — is UNKNOWN_DEVICE.
 */
export const focusArtifactTypes = ['Protect', 'Process', 'File', 'NetworkConnection', 'RegistryKey'] as const;
export type FocusOutcome = 'AVAILABLE' | 'DOES_NOT_EXIST' | 'UNAVAILABLE';
export const retryAfterUnavailableMs = 60 * 60_000;
/** Known, not yet requested events per device: enough for a 10 000-pair investigation on the default tenant. */
export const eventsPerDevice = 40;

export interface SimFocusView {
  id: string;
  deviceId: string;
  hostname: string;
  artifactType: string;
  value: string;
  threatType: string | null;
  description: string | null;
  createdAt: number;
  resolveAt: number;
  outcome: FocusOutcome;
}

interface KnownEvent {
  uid: string;
  /** What a search answers before anyone requests it. */
  base: 'REQUEST' | 'RETRY_REQUEST' | 'DOES_NOT_EXIST';
}

export interface FocusViewState {
  views: SimFocusView[];
  byId: Map<string, SimFocusView>;
  /** The newest focus view of each `uid|device_id` pair. */
  byPair: Map<string, SimFocusView>;
  /** Requests made through the API per pair (seeds each request's outcome). */
  attempts: Map<string, number>;
  knownEvents(opticsId: string): KnownEvent[];
  random: Random;
}

const descriptions = [
  'Suspicious PowerShell child process',
  'INC-2041 ransomware triage',
  'Macro-enabled document opened from mail',
  'Unsigned DLL loaded by svchost',
  'Beaconing to rare domain',
  'Credential dumping alert follow-up',
  null,
];
const threatTypes = ['Malware', 'PUP', 'Exploit', 'Script'];
const hourMs = 60 * 60_000;

export function pairKey(uid: string, deviceId: string): string {
  return `${uid}|${deviceId}`;
}

function drawOutcome(random: Random): FocusOutcome {
  const roll = random.next();
  return roll < 0.82 ? 'AVAILABLE' : roll < 0.92 ? 'DOES_NOT_EXIST' : 'UNAVAILABLE';
}

export function createFocusViews(context: SimContext): FocusViewState {
  const random = context.random.fork('focus-views');
  const events = new Map<string, KnownEvent[]>();
  const knownEvents = (opticsId: string) => {
    let list = events.get(opticsId);
    if (!list) {
      // Forked per device: the universe does not depend on which devices were asked about first.
      const own = context.random.fork(`focus-events:${opticsId}`);
      list = Array.from({ length: eventsPerDevice }, () => {
        const roll = own.next();
        return {
          uid: own.hex(32).toUpperCase(),
          base: roll < 0.82 ? 'REQUEST' : roll < 0.92 ? 'RETRY_REQUEST' : 'DOES_NOT_EXIST',
        } satisfies KnownEvent;
      });
      events.set(opticsId, list);
    }
    return list;
  };
  const state: FocusViewState = {
    views: [],
    byId: new Map(),
    byPair: new Map(),
    attempts: new Map(),
    knownEvents,
    random,
  };
  const machines = context.world.cylanceMachines;
  const now = context.clock.now();
  for (let index = 0; index < context.config.focusViews && machines.length > 0; index++) {
    const machine = random.pick(machines);
    const deviceId = toOpticsId(machine.cylanceId as string);
    const event = random.pick(knownEvents(deviceId));
    if (state.byPair.has(pairKey(event.uid, deviceId))) continue;
    const duration = pendingDurationMs(context, random);
    const roll = random.next();
    // A realistic mix: a few still pending, some resolved within the hour (UNAVAILABLE still reads as such),
    // most older (their UNAVAILABLE reads as RETRY_REQUEST).
    const createdAt =
      roll < 0.08
        ? now - random.int(0, context.config.pendingMinMs)
        : roll < 0.18
          ? now - duration - random.int(0, hourMs - duration)
          : now - random.int(hourMs, 30 * 24 * hourMs);
    const artifactType = random.pick(focusArtifactTypes);
    addView(state, {
      id: random.uuid(),
      deviceId,
      hostname: machine.hostname,
      artifactType,
      value: event.uid,
      threatType: artifactType === 'Protect' ? random.pick(threatTypes) : null,
      description: random.pick(descriptions),
      createdAt,
      resolveAt: createdAt + duration,
      outcome: drawOutcome(random),
    });
  }
  return state;
}

function addView(state: FocusViewState, view: SimFocusView) {
  state.views.push(view);
  state.byId.set(view.id, view);
  state.byPair.set(pairKey(view.value, view.deviceId), view);
}

export function viewStatus(view: SimFocusView, now: number): string {
  if (now < view.resolveAt) return 'PENDING';
  if (view.outcome === 'UNAVAILABLE' && now >= view.resolveAt + retryAfterUnavailableMs)
    return 'RETRY_REQUEST';
  return view.outcome;
}

/** The list/summary item (api-contracts.md §1 "List/summary item"). */
export function viewItem(tenant: SimTenant, view: SimFocusView) {
  return {
    id: view.id,
    tenant_id: tenant.tenantId,
    device_id: view.deviceId,
    artifact_type: view.artifactType,
    artifact_subtype: 'Uid',
    value: view.value,
    threat_type: view.threatType,
    description: view.description,
    created_at: naiveUtc(view.createdAt),
    hostname: view.hostname,
    status: viewStatus(view, tenant.clock.now()),
  };
}

function isOnline(tenant: SimTenant, deviceId: string): boolean {
  return !/off/i.test(findCylanceDeviceByOpticsId(tenant, deviceId)?.state ?? '');
}

/** One pair of `POST /foci/v2/search` (seed 000). */
export function searchPair(tenant: SimTenant, uid: string, deviceId: string) {
  const answer = (status: string, focusId: string | null = null) => ({
    uid,
    device_id: deviceId,
    status,
    focus_id: focusId,
  });
  if (!isOpticsId(deviceId) || !findCylanceDeviceByOpticsId(tenant, deviceId))
    return answer('UNKNOWN_DEVICE');
  const view = tenant.focusViews.byPair.get(pairKey(uid, deviceId));
  if (view) {
    const status = viewStatus(view, tenant.clock.now());
    return answer(status, status === 'AVAILABLE' ? view.id : null);
  }
  const event = tenant.focusViews.knownEvents(deviceId).find((known) => known.uid === uid);
  if (!event || event.base === 'DOES_NOT_EXIST') return answer('DOES_NOT_EXIST');
  return answer(isOnline(tenant, deviceId) ? event.base : 'UNAVAILABLE');
}

export interface FocusRequestBody {
  device_id: string;
  artifact_type: string;
  value: string;
  threat_type?: string;
  description?: string;
}

export type RequestOutcome =
  | { ok: true; view: SimFocusView }
  | { ok: false; status: 404 | 409; message: string };

/** `POST /foci/v2` after validation: a new PENDING focus view, or why not. */
export function requestView(tenant: SimTenant, body: FocusRequestBody): RequestOutcome {
  const state = tenant.focusViews;
  const device = isOpticsId(body.device_id) ? findCylanceDeviceByOpticsId(tenant, body.device_id) : undefined;
  if (!device) return { ok: false, status: 404, message: 'The device was not found.' };
  const existing = state.byPair.get(pairKey(body.value, body.device_id));
  const now = tenant.clock.now();
  if (existing && ['PENDING', 'AVAILABLE'].includes(viewStatus(existing, now))) {
    return {
      ok: false,
      status: 409,
      message: 'A focus view for this event is already pending or available.',
    };
  }
  const event = state.knownEvents(body.device_id).find((known) => known.uid === body.value);
  // Seeded by the pair and how often it was requested, not by global order: an e2e test can predict the
  // outcome however many other requests the shared demo tenant has seen.
  const key = pairKey(body.value, body.device_id);
  const attempt = state.attempts.get(key) ?? 0;
  state.attempts.set(key, attempt + 1);
  const random = state.random.fork(`request:${body.value}:${body.device_id}:${attempt}`);
  const outcome: FocusOutcome =
    !event || event.base === 'DOES_NOT_EXIST'
      ? 'DOES_NOT_EXIST'
      : isOnline(tenant, body.device_id)
        ? drawOutcome(random)
        : 'UNAVAILABLE';
  const view: SimFocusView = {
    id: random.uuid(),
    deviceId: body.device_id,
    hostname: device.name,
    artifactType: body.artifact_type,
    value: body.value,
    threatType: body.threat_type ?? null,
    description: body.description ?? null,
    createdAt: now,
    resolveAt: now + pendingDurationMs(tenant, random),
    outcome,
  };
  addView(state, view);
  return { ok: true, view };
}

/** Test and e2e helper: pairs that search as REQUEST right now (known events on online devices). */
export function requestablePairs(tenant: SimTenant, limit: number): { uid: string; device_id: string }[] {
  const pairs: { uid: string; device_id: string }[] = [];
  for (const machine of tenant.world.cylanceMachines) {
    const deviceId = toOpticsId(machine.cylanceId as string);
    for (const event of tenant.focusViews.knownEvents(deviceId)) {
      if (pairs.length >= limit) return pairs;
      if (searchPair(tenant, event.uid, deviceId).status === 'REQUEST')
        pairs.push({ uid: event.uid, device_id: deviceId });
    }
  }
  return pairs;
}
