/**
 * The heartbeat a device sends after each sync (at most one per sync period): its app and
 * settings versions, queue, dead letters by reason, storage, last error and clock skew.
 * It goes to its own endpoint and never into the outbox, so it changes no count staff or
 * the dashboard show, and it is rebuilt fresh each time (nothing of it is kept).
 */
import type { SyncStatus } from '../db/outbox-store';
import type { StorageProblem } from '../db/storage-health';
import { HEARTBEAT_PATH } from '../protocol/fleet';
import type { HeartbeatData, HeartbeatError } from '../protocol/payloads';
import { rejectionReasonOf, type Enrollment } from '../protocol/sync-api';

export interface HeartbeatInputs {
  appVersion: string;
  queueDepth: number;
  deadLetterReasons: readonly string[];
  storage: { usage: number | null; quota: number | null; persisted: boolean | null };
  status: SyncStatus;
  storageProblem: StorageProblem | null;
  settingsVersion: number | null;
  settingsRefused: { version: number; reason: string } | null;
}

/** The field a refusal names ("config.idleSeconds: must be…" → "config.idleSeconds"). */
export function refusalCode(reason: string): string {
  const field = reason.split(':')[0]?.trim() ?? '';
  return /^[A-Za-z0-9.\-[\]]{1,80}$/.test(field) ? field : 'invalid';
}

/** The last error as a fixed code: never the message itself, which may hold anything. */
export function lastErrorCode(
  status: SyncStatus,
  storageProblem: StorageProblem | null,
): HeartbeatError | null {
  if (storageProblem) return `storage-${storageProblem}`;
  if (status.needsEnrollment) return 'needs-enrollment';
  if (!status.lastError || status.consecutiveFailures === 0) return null;
  const message = status.lastError.message;
  if (/\b429\b|rate/i.test(message)) return 'rate-limited';
  if (/\b5\d\d\b|server/i.test(message)) return 'collector-error';
  return 'collector-unreachable';
}

export function buildHeartbeat(inputs: HeartbeatInputs): HeartbeatData {
  const byReason: Record<string, number> = {};
  for (const reason of inputs.deadLetterReasons) {
    const code = rejectionReasonOf(reason) ?? 'other';
    byReason[code] = (byReason[code] ?? 0) + 1;
  }
  const bytes = (value: number | null) =>
    value === null || !Number.isFinite(value) ? null : Math.max(0, Math.round(value));
  return {
    appVersion: inputs.appVersion,
    queueDepth: inputs.queueDepth,
    deadLetters: inputs.deadLetterReasons.length,
    storagePersisted: inputs.storage.persisted,
    settingsVersion: inputs.settingsVersion,
    settingsRefused: inputs.settingsRefused && {
      version: inputs.settingsRefused.version,
      reason: refusalCode(inputs.settingsRefused.reason),
    },
    deadLettersByReason: byReason,
    storageUsedBytes: bytes(inputs.storage.usage),
    storageQuotaBytes: bytes(inputs.storage.quota),
    lastError: lastErrorCode(inputs.status, inputs.storageProblem),
    clockSkewSeconds:
      inputs.status.clockSkewMs === null ? null : Math.round(inputs.status.clockSkewMs / 1000),
  };
}

/** Sends at most one heartbeat per period; a failure is simply tried at the next sync. */
export function createHeartbeatSender(options: {
  periodMs: number;
  now?: () => number;
  fetchImpl?: typeof fetch;
}) {
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let lastSentAt: number | null = null;
  return {
    async maybeSend(
      enrollment: Enrollment,
      build: () => Promise<HeartbeatData>,
    ): Promise<'sent' | 'not-due' | 'failed'> {
      if (lastSentAt !== null && now() - lastSentAt < options.periodMs) return 'not-due';
      const body = await build();
      const response = await fetchImpl(new URL(HEARTBEAT_PATH, enrollment.collectorUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${enrollment.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(8000),
      }).catch(() => null);
      if (!response?.ok) return 'failed';
      lastSentAt = now();
      return 'sent';
    },
  };
}

/** The last settings version this page refused (the settings service reports it here). */
let refused: { version: number; reason: string } | null = null;
export function noteSettingsRefused(refusal: { version: number; reason: string } | null): void {
  refused = refusal;
}
export function lastSettingsRefusal(): { version: number; reason: string } | null {
  return refused;
}
