/** Messages between the page and the service worker; shared so both sides agree on names. */
export const SW_MESSAGE = {
  // workbox-window's messageSkipWaiting() sends exactly this type.
  skipWaiting: 'SKIP_WAITING',
} as const;

export type PageToWorkerMessage = { type: typeof SW_MESSAGE.skipWaiting };

/**
 * The cache where the service worker keeps the help point's own files (its configuration and
 * optional local content); the page reads its last good configuration from it at start.
 */
export const CONFIG_CACHE = 'hjalppunkt-config';

/**
 * A help point's optional file that is missing, or unreachable with no copy kept, is answered
 * by the service worker with `null` and this header, not a 404 or a network error: the
 * browser logs those as console errors on every start.
 */
export const LOCAL_FILE_HEADER = 'x-hjalppunkt-local-file';
export type LocalFileAnswer = 'missing' | 'unreachable';
