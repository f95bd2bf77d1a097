/**
 * The plan as a checklist the volunteer ticks off during the session: big native checkboxes,
 * each labelled with its kind (goal, step, exercise, question, lesson) and title, the details
 * underneath.
 */
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../lesson-plan';

interface PlanChecklistProps {
  idPrefix: string;
  items: readonly PlanItem[];
  ticked: readonly string[];
  onTick: (itemId: string) => void;
}

export function PlanChecklist({ idPrefix, items, ticked, onTick }: PlanChecklistProps) {
  const { t } = useTranslation('courses');
  if (items.length === 0) return <p className="courses-note">{t('courses:run.noPlan')}</p>;
  const done = items.filter((item) => ticked.includes(item.id)).length;
  return (
    <>
      <p className="courses-progress" id={`${idPrefix}-progress`}>
        {t('courses:run.progress', { done, total: items.length })}
      </p>
      <ol className="courses-checklist" aria-labelledby={`${idPrefix}-title`}>
        {items.map((item) => {
          const checked = ticked.includes(item.id);
          const id = `${idPrefix}-${item.id}`;
          return (
            <li
              key={item.id}
              className={checked ? 'courses-check courses-check--done' : 'courses-check'}
              data-testid="plan-item"
              data-kind={item.kind}
            >
              <input
                id={id}
                type="checkbox"
                className="courses-check__box"
                checked={checked}
                onChange={() => onTick(item.id)}
              />
              <label htmlFor={id} className="courses-check__label">
                <span className={`courses-kind courses-kind--${item.kind}`}>
                  {t(`courses:kind.${item.kind}`)}
                </span>{' '}
                <span lang={item.lang}>{item.title}</span>
              </label>
              {item.detail ? (
                <p className="courses-check__detail" lang={item.lang}>
                  {item.detail}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
