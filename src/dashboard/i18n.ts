/**
 * The dashboard's own i18next instance, namespace `dashboard`, Swedish and English only (the
 * municipality's staff, not visitors). Both are bundled: the dashboard is a small separate app.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import sv from './locales/sv.json';
import en from './locales/en.json';
import type { Language } from './api-types';

export const DASHBOARD_LANGUAGES: Language[] = ['sv', 'en'];
const STORAGE_KEY = 'hp-dashboard-language';

function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'sv';
}

export async function initDashboardI18n() {
  await i18next.use(initReactI18next).init({
    lng: savedLanguage(),
    fallbackLng: 'sv',
    ns: ['dashboard'],
    defaultNS: 'dashboard',
    resources: { sv: { dashboard: sv }, en: { dashboard: en } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function setDashboardLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
