/**
 * Every stylesheet the attract screen's first paint uses (index.html draws it before the app's
 * script runs, see src/app/prerender): imported by the entry, so that they are in the page's
 * own stylesheet, which the browser has before it paints. The rest of the app's styles come
 * with the app.
 */
import './fonts.css';
import './app.css';
// The shared patterns every feature builds on, loaded before any screen so that a screen looks
// the same whichever section a visitor opens first. A feature's own stylesheet loads with it.
import '../components/button.css';
import '../components/card.css';
import '../components/notice.css';
import '../components/layout.css';
import '../components/form.css';
import '../components/screen.css';
import '../components/icon.css';
import '../components/staffed-desk-card.css';
import '../features/session/components/session.css';
