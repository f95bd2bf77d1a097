/**
 * A wide table's horizontal scroller. At 200 % text a table may be wider than the screen; the
 * page itself never scrolls sideways, this region does, so keyboard users must be able to
 * focus it to scroll it (WCAG 2.1.1, axe's scrollable-region-focusable).
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroller must be focusable (see above)
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
