/**
 * Tagging a question in about three taps. A record starts from sensible defaults (drop-in,
 * Swedish, now); it is complete, and saved at once, when it has what it helped with, the time
 * spent and the outcome (and where it was referred, if it was). "Same as last" and the most
 * used combinations start from what this device tagged before. Only fixed codes: nothing
 * here can carry free text.
 */
import {
  type Agency,
  type Area,
  type Channel,
  type EffortLevel,
  type HelpLanguage,
  type HelpTopic,
  type Obstacle,
  type Outcome,
  type ReferralTarget,
  type TimeSpent,
} from '../../../protocol/vocabulary';
import { questionDataSchema } from '../../../protocol/payloads';
import { toMinute } from '../../../protocol/codes';
import type { LogDataOf } from '../../../protocol/events';

export type QuestionData = LogDataOf<'question'>;

export interface TagDraft {
  helpedWith: HelpTopic[];
  area: Area | null;
  agency: Agency | null;
  errandId: string | null;
  timeSpent: TimeSpent | null;
  effort: EffortLevel | null;
  obstacles: Obstacle[];
  outcome: Outcome | null;
  referredTo: ReferralTarget | null;
  language: HelpLanguage;
  channel: Channel;
  postcodeArea: string | null;
  count: number;
  helpedAt: number;
}

export interface TagDefaults {
  language: HelpLanguage;
  channel: Channel;
}

export function newDraft(now: number, defaults: TagDefaults): TagDraft {
  return {
    helpedWith: [],
    area: null,
    agency: null,
    errandId: null,
    timeSpent: null,
    effort: null,
    obstacles: [],
    outcome: null,
    referredTo: null,
    language: defaults.language,
    channel: defaults.channel,
    postcodeArea: null,
    count: 1,
    helpedAt: now,
  };
}

export function isComplete(draft: TagDraft): boolean {
  return (
    draft.helpedWith.length > 0 &&
    draft.timeSpent !== null &&
    draft.outcome !== null &&
    (draft.outcome !== 'referred' || draft.referredTo !== null)
  );
}

/** The event payload; throws if the draft is not complete or not valid. */
export function toQuestionData(draft: TagDraft, recordId: string): QuestionData {
  if (!isComplete(draft)) throw new Error('the record is not complete yet');
  return questionDataSchema.parse({
    recordId,
    helpedWith: draft.helpedWith,
    area: draft.area,
    agency: draft.agency,
    errandId: draft.errandId,
    timeSpent: draft.timeSpent,
    effort: draft.effort,
    obstacles: draft.obstacles,
    outcome: draft.outcome,
    referredTo: draft.outcome === 'referred' ? draft.referredTo : null,
    language: draft.language,
    channel: draft.channel,
    postcodeArea: draft.postcodeArea,
    count: draft.count,
    helpedAt: toMinute(draft.helpedAt),
  });
}

/** A new draft with everything of the last record but its time (now) and count (one). */
export function sameAsLast(last: QuestionData, now: number): TagDraft {
  return {
    helpedWith: [...last.helpedWith],
    area: last.area,
    agency: last.agency,
    errandId: last.errandId,
    timeSpent: last.timeSpent,
    effort: last.effort,
    obstacles: [...last.obstacles],
    outcome: last.outcome,
    referredTo: last.referredTo,
    language: last.language,
    channel: last.channel,
    postcodeArea: null, // never carried over: it belongs to one visitor
    count: 1,
    helpedAt: now,
  };
}

export interface Combination {
  helpedWith: HelpTopic[];
  timeSpent: TimeSpent;
  outcome: Outcome;
  uses: number;
}

/** The combinations of topic, time and outcome this device tags most, most used first. */
export function mostUsed(history: readonly QuestionData[], limit = 3): Combination[] {
  const counts = new Map<string, Combination>();
  for (const record of history) {
    if (record.outcome === 'referred') continue; // needs a referral target: not one tap
    const helpedWith = [...record.helpedWith].sort();
    const key = `${helpedWith.join('+')}|${record.timeSpent}|${record.outcome}`;
    const known = counts.get(key);
    if (known) known.uses += record.count;
    else
      counts.set(key, {
        helpedWith,
        timeSpent: record.timeSpent,
        outcome: record.outcome,
        uses: record.count,
      });
  }
  return [...counts.values()].sort((a, b) => b.uses - a.uses).slice(0, limit);
}

/**
 * Backdating within the same day: "HH:MM" today. A time in the future or on another day is
 * refused, so catch-up entries cannot drift into tomorrow's statistics.
 */
export function backdatedTime(clock: string, now: number): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (!match) return null;
  const when = new Date(now);
  when.setHours(Number(match[1]), Number(match[2]), 0, 0);
  return when.getTime() <= now ? when.getTime() : null;
}

/** A draft holding a saved record, for editing it: everything kept, count and time too. */
export function draftFromRecord(data: QuestionData): TagDraft {
  return {
    ...sameAsLast(data, Date.parse(data.helpedAt)),
    postcodeArea: data.postcodeArea,
    count: data.count,
  };
}

/** A one-tap combination as a complete draft with today's defaults for the rest. */
export function draftFromCombination(
  combination: Combination,
  now: number,
  defaults: TagDefaults,
): TagDraft {
  return {
    ...newDraft(now, defaults),
    helpedWith: [...combination.helpedWith],
    timeSpent: combination.timeSpent,
    outcome: combination.outcome,
  };
}
