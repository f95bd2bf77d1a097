/**
 * One tap for the records staff make most: "same as last" repeats the last record (time now,
 * one visitor) and each most-used combination of topic, time and outcome saves at once.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Combination, QuestionData } from '../tagging/tag-record';
import { noteTap } from '../tagging/commit-timing';

interface QuickTagsProps {
  last: QuestionData | null;
  combinations: Combination[];
  onSameAsLast: (last: QuestionData) => void;
  onCombination: (combination: Combination) => void;
}

export const QuickTags = memo(function QuickTags({
  last,
  combinations,
  onSameAsLast,
  onCombination,
}: QuickTagsProps) {
  const { t } = useTranslation('staff');
  if (!last && combinations.length === 0) return null;
  const describe = (parts: Pick<Combination, 'helpedWith' | 'timeSpent' | 'outcome'>) =>
    [
      parts.helpedWith.map((topic) => t(`codes.topic.${topic}`)).join(' + '),
      t(`codes.time.${parts.timeSpent}`),
      t(`codes.outcome.${parts.outcome}`),
    ].join(' · ');
  return (
    <section className="quick-tags" aria-labelledby="quick-tags-title">
      <h2 id="quick-tags-title" className="staff-subtitle">
        {t('tag.quickTitle')}
      </h2>
      <ul className="cluster plain-list">
        {last ? (
          <li>
            <button
              type="button"
              className="button button--primary quick-tag"
              onClick={(event) => {
                noteTap(event.timeStamp);
                onSameAsLast(last);
              }}
              data-testid="tag-same-as-last"
            >
              <span className="quick-tag__label">{t('tag.sameAsLast')}</span>
              <span className="quick-tag__detail">{describe(last)}</span>
            </button>
          </li>
        ) : null}
        {combinations.map((combination) => (
          <li key={describe(combination)}>
            <button
              type="button"
              className="button button--secondary quick-tag"
              onClick={(event) => {
                noteTap(event.timeStamp);
                onCombination(combination);
              }}
              data-testid="tag-most-used"
            >
              <span className="quick-tag__label">{describe(combination)}</span>
              <span className="quick-tag__detail">
                {t('tag.usedTimes', { count: combination.uses })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
