/**
 * i18next set-up. Swedish (the default, and the attract screen's language) is bundled;
 * every other language is a lazily loaded chunk, so the first screen stays small and the
 * service worker still precaches every language for offline use.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import svCommon from '../../locales/sv/common.json';
import { DEFAULT_LANGUAGE, LANGUAGES, type LanguageCode } from '../protocol/vocabulary';
import { directionOf } from './languages';

type Resource = Record<string, unknown>;

const lazyResources = import.meta.glob<{ default: Resource }>([
  '../../locales/*/*.json',
  '!../../locales/sv/common.json',
]);

const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = lazyResources[`../../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No translations for ${language}/${namespace}`), null);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

export async function initI18n(): Promise<typeof i18next> {
  await i18next
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      ns: ['common'],
      defaultNS: 'common',
      partialBundledLanguages: true,
      resources: { sv: { common: svCommon } },
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  return i18next;
}

/** Switches i18next and the document's `lang`/`dir` together, so they can never disagree. */
export async function applyLanguage(code: LanguageCode): Promise<void> {
  await i18next.changeLanguage(code);
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

/** Loads extra namespaces (the staff app's) before a lazily loaded screen renders. */
export async function loadNamespaces(namespaces: string[]): Promise<void> {
  await i18next.loadNamespaces(namespaces);
}
