/**
 * The URL fragment that carries an enrollment link (#enroll=…). In its own module, without the
 * link's schema, so that a kiosk can take the fragment from its address at start without
 * loading zod; sync-api.ts re-exports it with the schema that checks the link.
 */
export const ENROLL_FRAGMENT = 'enroll=';
