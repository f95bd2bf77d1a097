// The device's heartbeat: built from fixed codes only (it validates against the shared
// schema), dead letters grouped by reason, and sent at most once per sync period.
import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS } from '../../src/db/outbox-store';
import { heartbeatDataSchema } from '../../src/protocol/payloads';
import { buildHeartbeat, createHeartbeatSender } from '../../src/sync/heartbeat';

const inputs = {
  appVersion: '1.2.3',
  queueDepth: 7,
  deadLetterReasons: ['unknown-code: errand x', 'unknown-code: lesson y', 'something odd'],
  storage: { usage: 1234.6, quota: 5_000_000, persisted: false },
  status: {
    ...INITIAL_SYNC_STATUS,
    consecutiveFailures: 2,
    lastError: { at: 1, message: 'HTTP 503 from /api/v1/events <script>' },
    clockSkewMs: -301_400,
  },
  storageProblem: null,
  settingsVersion: 4,
  settingsRefused: { version: 5, reason: 'config.idleSeconds: must be at least 20' },
};

describe('buildHeartbeat', () => {
  it('carries only codes and numbers, and passes the shared schema', () => {
    const beat = buildHeartbeat(inputs);
    expect(heartbeatDataSchema.parse(beat)).toEqual(beat);
    expect(beat).toEqual({
      appVersion: '1.2.3',
      queueDepth: 7,
      deadLetters: 3,
      storagePersisted: false,
      settingsVersion: 4,
      settingsRefused: { version: 5, reason: 'config.idleSeconds' },
      deadLettersByReason: { 'unknown-code': 2, other: 1 },
      storageUsedBytes: 1235,
      storageQuotaBytes: 5_000_000,
      lastError: 'collector-error',
      clockSkewSeconds: -301,
    });
    expect(JSON.stringify(beat)).not.toContain('script');
  });

  it('says needs-enrollment, storage problems first, and null when all is well', () => {
    const revoked = { ...INITIAL_SYNC_STATUS, needsEnrollment: true };
    expect(buildHeartbeat({ ...inputs, status: revoked }).lastError).toBe('needs-enrollment');
    expect(buildHeartbeat({ ...inputs, storageProblem: 'quota' }).lastError).toBe('storage-quota');
    expect(buildHeartbeat({ ...inputs, status: INITIAL_SYNC_STATUS }).lastError).toBeNull();
  });
});

describe('createHeartbeatSender', () => {
  it('sends at most once per period, and again after a failure', async () => {
    let clock = 0;
    const sent: unknown[] = [];
    let ok = false;
    const fetchImpl = (async (_url: URL, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return new Response(null, { status: ok ? 204 : 503 });
    }) as unknown as typeof fetch;
    const sender = createHeartbeatSender({ periodMs: 60_000, now: () => clock, fetchImpl });
    const enrollment = {
      collectorUrl: 'http://127.0.0.1:8787',
      helpPointId: 'hp',
      deviceId: '0190a0a0-0000-7000-8000-000000000000',
      token: 'x'.repeat(43),
      role: 'kiosk' as const,
    };
    const build = async () => buildHeartbeat(inputs);
    expect(await sender.maybeSend(enrollment, build)).toBe('failed');
    ok = true;
    expect(await sender.maybeSend(enrollment, build)).toBe('sent');
    clock = 59_000;
    expect(await sender.maybeSend(enrollment, build)).toBe('not-due');
    clock = 61_000;
    expect(await sender.maybeSend(enrollment, build)).toBe('sent');
    expect(sent).toHaveLength(3);
  });
});
