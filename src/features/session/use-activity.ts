/** Reports the visitor's touches, keys and pointer use to the session, at most twice a second. */
import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

export function useActivity(onActivity: () => void): void {
  useEffect(() => {
    let last = 0;
    const listener = () => {
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      onActivity();
    };
    ACTIVITY_EVENTS.forEach((name) =>
      document.addEventListener(name, listener, { capture: true, passive: true }),
    );
    return () =>
      ACTIVITY_EVENTS.forEach((name) =>
        document.removeEventListener(name, listener, { capture: true }),
      );
  }, [onActivity]);
}
