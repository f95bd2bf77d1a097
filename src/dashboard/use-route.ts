/** Hash routes (#/views/visits), so /admin/ stays one static page the collector serves. */
import { useEffect, useState } from 'react';

export function useRoute(): string {
  const [route, setRoute] = useState(() => location.hash.replace(/^#/, '') || '/');
  useEffect(() => {
    const update = () => setRoute(location.hash.replace(/^#/, '') || '/');
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
