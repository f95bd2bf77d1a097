// @vitest-environment happy-dom
/**
 * openEServiceOnKiosk: the e-service window the kiosk opens is closed when the visit ends,
 * by the visitor or by the idle timer, and while it is open the idle limit is
 * eServiceIdleMinutes (the kiosk sees no touches made in that window).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { sessionMachine } from '../../src/features/session/session-machine';
import {
  closeEServiceWindow,
  isEServiceWindowOpen,
  openEServiceWindow,
  subscribeEServiceWindow,
} from '../../src/lib/eservice-window';
import { wipeVisitor } from '../../src/lib/visitor-wipe';

const IDLE_MS = 90_000;
const WARNING_MS = 60_000;
const ESERVICE_IDLE_MS = 15 * 60_000;

function fakeWindow() {
  const win = { closed: false, close: vi.fn(() => (win.closed = true)) };
  vi.spyOn(window, 'open').mockReturnValue(win as unknown as Window);
  return win;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  closeEServiceWindow();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the e-service window', () => {
  it('is opened with a handle the kiosk keeps, and closed by the visitor wipe', () => {
    const win = fakeWindow();
    const changes = vi.fn();
    const unsubscribe = subscribeEServiceWindow(changes);
    expect(openEServiceWindow('https://www.skatteverket.se/')).toBe(true);
    expect(window.open).toHaveBeenCalledWith('https://www.skatteverket.se/', '_blank');
    expect(isEServiceWindowOpen()).toBe(true);

    wipeVisitor();
    expect(win.close).toHaveBeenCalled();
    expect(isEServiceWindowOpen()).toBe(false);
    expect(changes).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('notices when the visitor closes it themselves', () => {
    const win = fakeWindow();
    openEServiceWindow('https://www.1177.se/');
    const changes = vi.fn();
    const unsubscribe = subscribeEServiceWindow(changes);
    win.closed = true;
    vi.advanceTimersByTime(1000);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(isEServiceWindowOpen()).toBe(false);
    unsubscribe();
  });

  it('says so when the browser blocks it', () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    expect(openEServiceWindow('https://www.skatteverket.se/')).toBe(false);
    expect(isEServiceWindowOpen()).toBe(false);
  });
});

describe('the idle limit while an e-service window is open', () => {
  function visit() {
    const actor = createActor(sessionMachine, {
      input: { idleMs: IDLE_MS, warningMs: WARNING_MS, eServiceIdleMs: ESERVICE_IDLE_MS },
    }).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'CHOOSE_LANGUAGE', language: 'sv' });
    actor.send({ type: 'OPEN_DOOR', door: 'anvanda' });
    return actor;
  }

  it('is eServiceIdleMinutes while open, and idleSeconds again once it is closed', () => {
    const actor = visit();
    vi.advanceTimersByTime(IDLE_MS - 10_000);
    actor.send({ type: 'ESERVICE_OPENED' });
    vi.advanceTimersByTime(IDLE_MS * 2);
    expect(actor.getSnapshot().matches({ visit: { idle: 'active' } })).toBe(true);
    vi.advanceTimersByTime(ESERVICE_IDLE_MS - IDLE_MS * 2);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);

    actor.send({ type: 'MORE_TIME' });
    actor.send({ type: 'ESERVICE_CLOSED' });
    vi.advanceTimersByTime(IDLE_MS);
    expect(actor.getSnapshot().matches({ visit: { idle: 'warning' } })).toBe(true);
  });

  it('a timed-out visit with the window open ends as usual, and the next visit has the short limit', () => {
    const actor = visit();
    actor.send({ type: 'ESERVICE_OPENED' });
    vi.advanceTimersByTime(ESERVICE_IDLE_MS + WARNING_MS);
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context.eServiceOpen).toBe(false);
  });
});
