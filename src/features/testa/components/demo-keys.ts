/**
 * Where each demo's texts live in the locales (testa.demo.<key>.title, .text and so on). Its
 * own module because both the demo list (TestaScreen) and the demo itself (DemoView) read it.
 */
import type { Demo } from '../items/testa-schema';

export const DEMO_KEYS = {
  'camera-check': 'camera',
  'qr-practice': 'qr',
  'read-aloud': 'readAloud',
} as const satisfies Record<Demo, string>;
