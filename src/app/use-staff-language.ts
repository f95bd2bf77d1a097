/**
 * The staff's language on this device, kept across reloads (it says nothing of visitors).
 * Swedish until the saved choice has been read.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LanguageCode } from '../protocol/vocabulary';
import type { StorageService } from './services/storage';

export function useStaffLanguage(storage: StorageService) {
  const [language, setLanguage] = useState<LanguageCode>('sv');

  useEffect(() => {
    let cancelled = false;
    void storage
      .open()
      .then((data) => data.staffLanguage())
      .then((saved) => {
        if (saved && !cancelled) setLanguage(saved);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [storage]);

  const choose = useCallback(
    (next: LanguageCode) => {
      setLanguage(next);
      void storage
        .open()
        .then((data) => data.setStaffLanguage(next))
        .catch(() => undefined);
    },
    [storage],
  );

  return [language, choose] as const;
}
