/** Messages between the page and the service worker; shared so both sides agree on names. */
export const SW_MESSAGE = {
  // workbox-window's messageSkipWaiting() sends exactly this type.
  skipWaiting: 'SKIP_WAITING',
} as const;

export type PageToWorkerMessage = { type: typeof SW_MESSAGE.skipWaiting };
