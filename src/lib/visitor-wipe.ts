/**
 * Everything of a visitor that lives outside React state must be cleared when a session
 * ends. Modules register their own clean-ups here (today the camera check stops its stream
 * and speech stops reading aloud), and the session calls `wipeVisitor()` once, on every
 * return to the attract screen.
 */
type WipeHook = () => void;

const hooks = new Set<WipeHook>();

export function onVisitorWipe(hook: WipeHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export function wipeVisitor(): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      // One failing clean-up must not stop the others; the rest of the wipe still matters more.
      console.error('visitor wipe hook failed', error);
    }
  }
  try {
    sessionStorage.clear();
  } catch {
    // sessionStorage can be disabled by kiosk policy; then there is nothing in it to clear.
  }
  window.getSelection()?.removeAllRanges();
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  document.querySelectorAll<HTMLElement>('[data-scroll-container]').forEach((element) => {
    element.scrollTop = 0;
    element.scrollLeft = 0;
  });
}
