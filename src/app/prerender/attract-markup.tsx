/**
 * The attract screen's first paint, rendered to HTML at build time (scripts/vite-prerender-attract.ts)
 * and written into index.html, so that a start shows the screen before the app's script has
 * run. Only what never depends on the help point's settings is drawn: the welcome, the
 * greetings, the start button and the privacy note. The staffed desk's card and the footer come
 * with the app, below the button, so nothing drawn here moves when they arrive. The app then
 * draws the same screen over it (createRoot replaces the container's content).
 */
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import svCommon from '../../../locales/sv/common.json';
import { AttractScreen } from '../../features/session/components/AttractScreen';

const nothing = () => undefined;

export async function renderAttractMarkup(): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: 'sv',
    ns: ['common'],
    defaultNS: 'common',
    resources: { sv: { common: svCommon } },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AttractScreen
        onStart={nothing}
        onOpenStatement={nothing}
        onStaff={nothing}
        notices={null}
        firstPaintOnly
      />
    </I18nextProvider>,
  );
}
