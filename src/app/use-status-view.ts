/**
 * Whether the staff status view (#status) is asked for. Kept apart from StatusView.tsx so that
 * the attract screen, which only needs to know, does not load the status screen's code.
 */
import { useEffect, useState } from 'react';

const STATUS_HASH = '#status';

export function useStatusView() {
  const [open, setOpen] = useState(() => window.location.hash === STATUS_HASH);
  useEffect(() => {
    const onHashChange = () => setOpen(window.location.hash === STATUS_HASH);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const close = () => {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    setOpen(false);
  };
  return { open, close };
}
