/** Makes the loaded help-point configuration available to every feature's screens. */
import { createContext, useContext } from 'react';
import type { KioskConfig } from './kiosk-config';
import { DEFAULT_KIOSK_CONFIG } from './kiosk-config-defaults';

export const KioskConfigContext = createContext<KioskConfig>(DEFAULT_KIOSK_CONFIG);

export function useKioskConfig(): KioskConfig {
  return useContext(KioskConfigContext);
}
