/** The language picker: each language named in its own language and script. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import { LANGUAGE_INFO } from '../../../lib/languages';
import type { LanguageCode } from '../../../protocol/vocabulary';
import './session.css';

export function LanguageScreen({ onChoose }: { onChoose: (language: LanguageCode) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Screen name="language" title={t('language.title')} lead={t('language.lead')}>
      <ul className="tile-grid tile-grid--languages">
        {LANGUAGE_INFO.map((info) => (
          <li key={info.code}>
            <button
              type="button"
              className="button button--tile button--language"
              lang={info.code}
              dir={info.dir}
              aria-pressed={i18n.language === info.code}
              data-language={info.code}
              onClick={() => onChoose(info.code)}
            >
              {info.nativeName}
            </button>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
