/**
 * The frame of every screen: one <main> landmark and one <h1> that receives focus when the
 * screen appears, so screen-reader and keyboard users always start at the top of the new screen.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './screen.css';

interface ScreenProps {
  title: ReactNode;
  /** Stable name used by tests and styles, e.g. "home" or "lara". */
  name: string;
  lead?: ReactNode;
  children?: ReactNode;
  /** The attract screen must not steal focus on load; every other screen should. */
  focusHeading?: boolean;
}

export function Screen({ title, name, lead, children, focusHeading = true }: ScreenProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus({ preventScroll: false });
  }, [focusHeading]);

  return (
    <main id="main" className={`screen screen--${name}`} data-screen={name}>
      <h1 ref={headingRef} tabIndex={-1} className="screen__title">
        {title}
      </h1>
      {lead ? <p className="screen__lead">{lead}</p> : null}
      {children}
    </main>
  );
}
