/**
 * The kiosk's side of the help point settings, without a browser: the start-up read (never
 * creating the database), the config it yields (the public file never unlocks staff mode),
 * and the settings service against a scripted collector: ETag and 304, a new version kept
 * but applied only when idle, refusals reported once, and a help point's settings removed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { createLocalData, type LocalData } from '../../src/db/local-data';
import { loadConfig, type ConfigService } from '../../src/app/services/config';
import { createSettingsService } from '../../src/app/services/settings';
import { readStartupState } from '../../src/app/services/startup-settings';
import { hashPin } from '../../src/lib/pin-hash';
import { parseSettingsDocument } from '../../src/lib/help-point-settings';
import { LOCAL_LESSONS, settingsFile } from '../support/help-point-settings';

const HELP_POINT = 'demo-bibliotek';
const COLLECTOR = 'http://127.0.0.1:9';
const opened: LocalData[] = [];
afterEach(() => {
  opened.splice(0).forEach((data) => data.close());
  vi.unstubAllGlobals();
});

function documentOf(version: number, config: Record<string, unknown> = {}, extra = {}) {
  const file = settingsFile(HELP_POINT, config, extra) as { config: Record<string, unknown> };
  return { ...file, helpPointId: HELP_POINT, version };
}

async function enrolledStorage(factory = new IDBFactory()) {
  const data = createLocalData({ indexedDB: factory, IDBKeyRange });
  opened.push(data);
  await data.outbox.writeEnrollment({
    collectorUrl: COLLECTOR,
    helpPointId: HELP_POINT,
    deviceId: uuidv7(),
    token: 'x'.repeat(43),
    role: 'kiosk',
  });
  return { data, storage: { open: async () => data }, factory };
}

/** A collector that answers from a script, and remembers what it was asked. */
function scriptedCollector(answers: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return answers(request);
  }) as unknown as typeof fetch;
  return { fetchImpl, requests };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function configWith(settings: ConfigService['settings']): ConfigService {
  const current = settings?.config ?? (documentOf(1).config as ConfigService['current']);
  return {
    current,
    loadResult: { status: 'loaded', config: current },
    settings,
    enrolledAtStart: true,
    keepLastGood: async () => undefined,
    refresh: async () => false,
  };
}

describe('the start-up read', () => {
  it('finds nothing, and creates nothing, on a device without a database', async () => {
    const factory = new IDBFactory();
    expect(await readStartupState(factory)).toEqual({ settings: null, enrolled: false });
    expect(await factory.databases()).toEqual([]);
  });

  it('reads the kept settings and the enrollment that Dexie wrote', async () => {
    const { data, factory } = await enrolledStorage();
    const document = documentOf(3);
    await data.saveLastGoodCopy('help-point-settings', { etag: '"v3"', document });
    expect(await readStartupState(factory)).toEqual({ settings: document, enrolled: true });
  });

  it('an enrolled device runs on its kept settings; the public file never unlocks staff mode', async () => {
    const staffPin = await hashPin('470318', 100_000);
    const kept = documentOf(3, { staffPin, staffLockMinutes: 4 });
    const enrolled = await loadConfig(
      { open: () => Promise.reject(new Error('not needed')) },
      { settings: kept, enrolled: true },
    );
    expect(enrolled.settings?.version).toBe(3);
    expect(enrolled.current.staffPin).toEqual(staffPin);

    // Someone put a verifier into the public defaults: the kiosk ignores it.
    vi.stubGlobal('fetch', async () => json({ ...documentOf(1).config, staffPin }));
    const data = createLocalData({ indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(data);
    const defaults = await loadConfig(
      { open: async () => data },
      { settings: null, enrolled: false },
    );
    expect(defaults.settings).toBeNull();
    expect(defaults.current.staffPin).toBeUndefined();
    expect(defaults.loadResult.config.staffPin).toBeUndefined();
  });
});

describe('the settings service', () => {
  it('keeps a new version, applies it only when idle, then asks with its ETag (304)', async () => {
    const { data, storage } = await enrolledStorage();
    const collector = scriptedCollector((request) =>
      request.headers.get('if-none-match') === '"v2"'
        ? new Response(null, { status: 304 })
        : json(documentOf(2), 200, { etag: '"v2"' }),
    );
    const reload = vi.fn();
    const service = createSettingsService({
      storage,
      config: configWith(null),
      reload,
      fetchImpl: collector.fetchImpl,
    });

    expect(await service.refresh()).toBe('updated');
    expect(collector.requests[0]?.headers.get('authorization')).toBe(`Bearer ${'x'.repeat(43)}`);
    expect(collector.requests[0]?.url).toBe(`${COLLECTOR}/api/v1/settings`);
    const kept = (await data.lastGoodCopy('help-point-settings')) as { document: unknown };
    expect(parseSettingsDocument(kept.document)).toMatchObject({ ok: true });
    // In a visit (not idle): kept, not applied.
    expect(reload).not.toHaveBeenCalled();
    service.setIdle(true);
    expect(reload).toHaveBeenCalledTimes(1);

    // The page that reloaded runs on version 2 and asks with its ETag.
    const after = createSettingsService({
      storage,
      config: configWith(documentOf2()),
      reload,
      fetchImpl: collector.fetchImpl,
    });
    after.setIdle(true);
    expect(await after.refresh()).toBe('unchanged');
    expect(collector.requests.at(-1)?.headers.get('if-none-match')).toBe('"v2"');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('refuses a version its checks refuse, reports it once, and keeps the last good', async () => {
    const { data, storage } = await enrolledStorage();
    await data.saveLastGoodCopy('help-point-settings', { etag: '"v2"', document: documentOf(2) });
    const bad = [
      documentOf(3, { idleSeconds: 5 }),
      {
        ...documentOf(4),
        helpPointId: 'annan-punkt',
        config: documentOf(4, { helpPointId: 'annan-punkt' }).config,
      },
      documentOf(5, {}, { localLessons: { ...LOCAL_LESSONS, lessons: [] } }),
      documentOf(1),
    ];
    let served: unknown = bad[0];
    const collector = scriptedCollector((request) =>
      request.method === 'POST' ? new Response(null, { status: 204 }) : json(served),
    );
    const reload = vi.fn();
    const service = createSettingsService({
      storage,
      config: configWith(documentOf2()),
      reload,
      fetchImpl: collector.fetchImpl,
    });
    service.setIdle(true);
    const reasons: string[] = [];
    for (const version of bad) {
      served = version;
      expect(await service.refresh()).toBe('refused');
      expect(await service.refresh()).toBe('refused');
    }
    for (const request of collector.requests.filter((r) => r.method === 'POST')) {
      expect(request.url).toBe(`${COLLECTOR}/api/v1/settings/refusals`);
      reasons.push(((await request.json()) as { reason: string }).reason);
    }
    // Each refused version reported once, with its reason.
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/^config\.idleSeconds/);
    expect(reasons[1]).toMatch(/^helpPointId/);
    expect(reasons[2]).toMatch(/^localLessons/);
    expect(reasons[3]).toMatch(/older than version 2/);
    const kept = (await data.lastGoodCopy('help-point-settings')) as { document: unknown };
    expect(kept.document).toEqual(documentOf(2));
    expect(reload).not.toHaveBeenCalled();
  });

  it('a help point whose settings are gone goes back to the defaults, on the attract screen', async () => {
    const { data, storage } = await enrolledStorage();
    await data.saveLastGoodCopy('help-point-settings', { etag: '"v2"', document: documentOf(2) });
    const collector = scriptedCollector(() => json({ error: { code: 'not-found' } }, 404));
    const reload = vi.fn();
    const service = createSettingsService({
      storage,
      config: configWith(documentOf2()),
      reload,
      fetchImpl: collector.fetchImpl,
    });
    expect(await service.refresh()).toBe('none');
    expect(await data.lastGoodCopy('help-point-settings')).toBeNull();
    expect(reload).not.toHaveBeenCalled();
    service.setIdle(true);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does nothing before enrollment, and keeps going when the collector is unreachable', async () => {
    const data = createLocalData({ indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(data);
    const collector = scriptedCollector(() => {
      throw new TypeError('offline');
    });
    const service = createSettingsService({
      storage: { open: async () => data },
      config: configWith(null),
      reload: vi.fn(),
      fetchImpl: collector.fetchImpl,
    });
    expect(await service.refresh()).toBe('not-enrolled');
    expect(collector.requests).toHaveLength(0);
    const enrolled = await enrolledStorage();
    const offline = createSettingsService({
      storage: enrolled.storage,
      config: configWith(null),
      reload: vi.fn(),
      fetchImpl: collector.fetchImpl,
    });
    expect(await offline.refresh()).toBe('unreachable');
  });
});

/** Version 2 as the page runs it. */
function documentOf2() {
  const parsed = parseSettingsDocument(documentOf(2));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.settings;
}
