/**
 * The languages a session used, as big toggle buttons (aria-pressed) in a fieldset. Each is
 * named in the volunteer's language, with its own name beside it when that differs, so a
 * volunteer who does not read the script still finds it.
 */
import { useTranslation } from 'react-i18next';
import { HELP_LANGUAGES, type HelpLanguage } from '../../../protocol/vocabulary';
import { LANGUAGE_INFO } from '../../../lib/languages';
import type { CourseProblem } from '../course-record';
import { describedBy, ProblemText } from './ProblemText';

interface LanguageChipsProps {
  id: string;
  legend: string;
  selected: readonly HelpLanguage[];
  problems: readonly CourseProblem[];
  onToggle: (language: HelpLanguage) => void;
}

export function LanguageChips({ id, legend, selected, problems, onToggle }: LanguageChipsProps) {
  const { t } = useTranslation('courses');
  return (
    <fieldset
      id={id}
      className="courses-fieldset"
      aria-describedby={describedBy(`${id}-problem`, problems)}
    >
      <legend className="field-label">{legend}</legend>
      <div className="cluster">
        {HELP_LANGUAGES.map((code) => {
          const name = t(`courses:language.${code}`);
          const info = LANGUAGE_INFO.find((candidate) => candidate.code === code);
          return (
            <button
              key={code}
              type="button"
              className="chip"
              aria-pressed={selected.includes(code)}
              data-help-language={code}
              onClick={() => onToggle(code)}
            >
              {name}
              {info && info.nativeName !== name ? (
                <span lang={code} dir={info.dir} className="chip__aside">
                  {info.nativeName}
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <ProblemText id={`${id}-problem`} problems={problems} />
    </fieldset>
  );
}
