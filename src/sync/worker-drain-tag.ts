/** The Background Sync tag, shared by the page (which registers it) and the service worker. */
export const OUTBOX_SYNC_TAG = 'hjalppunkt-outbox';
