/**
 * The three taps of the common case: what the visitor wanted help with, the time it took and
 * the outcome (and where they were referred, if they were). The record saves itself the
 * moment these are filled in; every other field is optional and lives in TagDetails.
 */
import { useTranslation } from 'react-i18next';
import {
  HELP_TOPICS,
  OUTCOMES,
  REFERRAL_TARGETS,
  TIME_SPENT,
  type HelpTopic,
  type Outcome,
  type ReferralTarget,
  type TimeSpent,
} from '../../../protocol/vocabulary';
import type { TagDraft } from '../tagging/tag-record';
import { ChipGroup } from './ChipGroup';

interface TagFormProps {
  draft: TagDraft;
  onToggleTopic: (topic: HelpTopic) => void;
  onSet: (patch: Partial<TagDraft>) => void;
}

export function TagForm({ draft, onToggleTopic, onSet }: TagFormProps) {
  const { t } = useTranslation('staff');
  const needed = t('tag.needed');
  return (
    <div className="tag-form">
      <ChipGroup<HelpTopic>
        legend={t('tag.helpedWith')}
        options={HELP_TOPICS}
        selected={draft.helpedWith}
        label={(topic) => t(`codes.topic.${topic}`)}
        onToggle={onToggleTopic}
        timed
        required
        requiredLabel={needed}
        testId="tag-topics"
      />
      <ChipGroup<TimeSpent>
        legend={t('tag.timeSpent')}
        options={TIME_SPENT}
        selected={draft.timeSpent ? [draft.timeSpent] : []}
        label={(time) => t(`codes.time.${time}`)}
        onToggle={(time) => onSet({ timeSpent: draft.timeSpent === time ? null : time })}
        timed
        required
        requiredLabel={needed}
        testId="tag-time"
      />
      <ChipGroup<Outcome>
        legend={t('tag.outcome')}
        options={OUTCOMES}
        selected={draft.outcome ? [draft.outcome] : []}
        label={(outcome) => t(`codes.outcome.${outcome}`)}
        onToggle={(outcome) =>
          onSet({
            outcome: draft.outcome === outcome ? null : outcome,
            referredTo: outcome === 'referred' ? draft.referredTo : null,
          })
        }
        timed
        required
        requiredLabel={needed}
        testId="tag-outcome"
      />
      {draft.outcome === 'referred' ? (
        <ChipGroup<ReferralTarget>
          legend={t('tag.referredTo')}
          options={REFERRAL_TARGETS}
          selected={draft.referredTo ? [draft.referredTo] : []}
          label={(target) => t(`codes.referral.${target}`)}
          onToggle={(target) => onSet({ referredTo: target })}
          timed
          required
          requiredLabel={needed}
          testId="tag-referral"
        />
      ) : null}
    </div>
  );
}
