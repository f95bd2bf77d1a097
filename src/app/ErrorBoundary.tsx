/**
 * The kiosk must recover by itself: on a render crash, wipe the visitor, say so plainly,
 * and reload onto the attract screen after a short pause.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';
import { wipeVisitor } from '../lib/visitor-wipe';
import '../components/screen.css';

const RELOAD_DELAY_MS = 4000;

export class ErrorBoundary extends Component<{ children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false };

  static getDerivedStateFromError() {
    return { crashed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('kiosk crashed; restarting', error, info.componentStack);
    wipeVisitor();
    window.setTimeout(() => window.location.reload(), RELOAD_DELAY_MS);
  }

  override render() {
    if (!this.state.crashed) return this.props.children;
    return (
      <main id="main" className="screen screen--crash">
        <p role="alert" className="screen__lead">
          {i18next.t('app.restarting', { lng: 'sv' })}
        </p>
      </main>
    );
  }
}
