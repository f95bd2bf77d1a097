import { describe, expect, it } from 'vitest';
import {
  compareLocales,
  listSourceFiles,
  literalKeysUsed,
  namespaceOf,
  readLocales,
  type Flat,
} from '../support/locale-check';
import { LANGUAGES } from '../../src/protocol/vocabulary';
import {
  AGENCIES,
  AREAS,
  CHANNELS,
  DOORS,
  EFFORT_LEVELS,
  FEEDBACK_ANSWERS,
  HELP_LANGUAGES,
  HELP_TOPICS,
  OBSTACLES,
  OUTCOMES,
  REFERRAL_TARGETS,
  TIME_SPENT,
} from '../../src/protocol/vocabulary';
import { HELP_REQUEST_STATUSES } from '../../src/protocol/help-requests';
import { WEEKDAYS } from '../../src/lib/kiosk-config';
import { E_LEGITIMATION } from '../../src/features/anvanda/catalogue/catalogue-schema';

const locales = readLocales('locales');

describe('locale check', () => {
  it('has a folder for exactly the supported languages', () => {
    expect([...locales.keys()].sort()).toEqual([...LANGUAGES].sort());
  });

  it('every language has the same keys and placeholders as Swedish, and none is empty', () => {
    expect(compareLocales(locales, 'sv')).toEqual([]);
  });

  it('catches a missing key, an extra key and a broken placeholder', () => {
    const sv: Flat = new Map([
      ['common:a', 'Hej {{name}}'],
      ['common:b', 'B'],
    ]);
    const en: Flat = new Map([
      ['common:a', 'Hello {{nam}}'],
      ['common:c', 'C'],
    ]);
    const problems = compareLocales(
      new Map([
        ['sv', sv],
        ['en', en],
      ]),
      'sv',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'en lacks common:b',
        'en has common:c, which sv does not',
        'sv lacks common:c',
        'en common:a has placeholders [nam], expected [name]',
      ]),
    );
  });

  it('every key the code uses exists in Swedish', () => {
    const sv = locales.get('sv') ?? new Map<string, string>();
    const used = literalKeysUsed(listSourceFiles('src'));
    // Keys built from fixed code lists.
    DOORS.forEach((door) => used.add(`doors.${door}.title`).add(`doors.${door}.description`));
    FEEDBACK_ANSWERS.forEach((answer) => used.add(`feedback.${answer}`));
    WEEKDAYS.forEach((day) => used.add(`days.${day}`));
    E_LEGITIMATION.forEach((need) => used.add(`errand.eleg.${need}`));
    ['quota', 'unavailable', 'unknown'].forEach((problem) => used.add(`storage.${problem}`));
    ['done', 'retry', 'not-enrolled', 'needs-enrollment', 'busy', 'offline', 'backing-off'].forEach(
      (result) => used.add(`status.result.${result}`),
    );
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((key) => !sv.has(`common:${key}`));
    expect(missing).toEqual([]);
  });

  it('every key the staff app uses exists in the staff namespace, codes included', () => {
    const sv = locales.get('sv') ?? new Map<string, string>();
    const used = literalKeysUsed(listSourceFiles('src'), 'staff');
    const codes: [string, readonly (string | number)[]][] = [
      ['topic', HELP_TOPICS],
      ['time', TIME_SPENT],
      ['outcome', OUTCOMES],
      ['referral', REFERRAL_TARGETS],
      ['agency', AGENCIES],
      ['area', AREAS],
      ['effort', EFFORT_LEVELS],
      ['obstacle', OBSTACLES],
      ['language', HELP_LANGUAGES],
      ['channel', CHANNELS],
    ];
    for (const [list, values] of codes) values.forEach((code) => used.add(`codes.${list}.${code}`));
    HELP_REQUEST_STATUSES.forEach((status) => used.add(`requests.status.${status}`));
    ['saved', 'changed', 'deleted'].forEach((action) => used.add(`note.${action}`));
    ['tag', 'requests', 'courses', 'status'].forEach((name) => used.add(`app.section.${name}`));
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !sv.has(`staff:${key}`));
    expect(missing).toEqual([]);
  });

  it('a file is read in the namespace it asks for', () => {
    expect(namespaceOf("const { t } = useTranslation('staff');")).toBe('staff');
    expect(namespaceOf('const { t } = useTranslation();')).toBe('common');
  });
});
