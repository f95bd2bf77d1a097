/**
 * A help point's own content files (`/local-catalogue.json`, `/local-lessons.json`): fetched
 * network-first through the service worker, validated, and remembered as the last good copy.
 * A refused or unreachable file leaves the last good one in use; a 404 means there is none.
 */
import { LOCAL_FILE_HEADER, type LocalFileAnswer } from '../protocol/worker-messages';

export type LocalContentLoad<T> =
  | { status: 'none'; content: null }
  | { status: 'loaded'; content: T }
  | { status: 'refused'; content: T | null; reason: string }
  | { status: 'unreachable'; content: T | null };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface LocalContentSources {
  /** The file's JSON, or null when the help point has none (HTTP 404). Throws when unreachable. */
  fetchLocal: () => Promise<unknown>;
  readLastGood: () => Promise<unknown>;
  saveLastGood: (content: unknown) => Promise<void>;
}

export async function loadLocalContent<T>(
  sources: LocalContentSources,
  parse: (raw: unknown) => ParseResult<T>,
): Promise<LocalContentLoad<T>> {
  const lastGood = async (): Promise<T | null> => {
    const stored = await sources.readLastGood().catch(() => undefined);
    if (stored === undefined || stored === null) return null;
    const parsed = parse(stored);
    return parsed.ok ? parsed.value : null;
  };
  let raw: unknown;
  try {
    raw = await sources.fetchLocal();
  } catch {
    return { status: 'unreachable', content: await lastGood() };
  }
  if (raw === null) return { status: 'none', content: null };
  const parsed = parse(raw);
  if (!parsed.ok) return { status: 'refused', content: await lastGood(), reason: parsed.reason };
  await sources.saveLastGood(parsed.value).catch(() => undefined);
  return { status: 'loaded', content: parsed.value };
}

/**
 * GET a help point's JSON file: null for 404 (or a server answering with its HTML page, or the
 * service worker saying the file is missing). Throws when unreachable.
 */
export async function fetchLocalJson(path: string): Promise<unknown> {
  // A variable, not a literal: the collector type-checks this module against Node's fetch
  // types, which lack `cache` (it never calls this function).
  const init = { method: 'GET', cache: 'no-store' } as const;
  const response = await fetch(path, init);
  // Always read to the end: a body left unread keeps the request open until the page goes.
  const text = await response.text().catch(() => '');
  const answer = response.headers.get(LOCAL_FILE_HEADER) as LocalFileAnswer | null;
  if (answer === 'unreachable') throw new Error('unreachable, no copy kept');
  if (response.status === 404 || answer === 'missing') return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return 'not JSON';
  }
}
