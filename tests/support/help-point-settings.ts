/**
 * A help point's settings file as `collector:help-point -- set` takes it, for the collector
 * and browser tests: the demo configuration (public/kiosk-config.json) for another id, with
 * one local errand and no local lessons unless asked.
 */
import { readFileSync } from 'node:fs';

/** A PIN that passes the collector's weak-PIN check; the tests' demo help points use it. */
export const TEST_STAFF_PIN = '381946';

const PUBLIC_CONFIG = JSON.parse(
  readFileSync(new URL('../../public/kiosk-config.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

export const LOCAL_ERRAND_ID = 'vigsel';
export const LOCAL_LESSON_ID = 'bibliotekets-skrivare';

export const LOCAL_CATALOGUE = {
  schemaVersion: 1,
  errands: [
    {
      id: LOCAL_ERRAND_ID,
      category: 'municipality',
      agency: 'municipality',
      eServiceUrl: 'https://www.kalmar.se/vigsel',
      eLegitimation: 'not-needed',
      routesWithoutELeg: ['phone', 'visit'],
      contact: {
        phone: '0480-45 00 00',
        website: 'https://www.kalmar.se',
        visit: 'municipality-reception',
      },
    },
  ],
  texts: {
    sv: {
      errands: {
        [LOCAL_ERRAND_ID]: {
          title: 'Boka tid för medborgarvigsel',
          description: 'Kommunen viger par i stadshuset. Boka tid i god tid.',
          withoutELeg: 'Ring kommunens kontaktcenter.',
          ready: ['Hindersprövning från Skatteverket'],
          steps: ['Gör hindersprövning', 'Boka tid hos kommunen'],
          keywords: 'vigsel, gifta sig, bröllop, borgerlig vigsel',
        },
      },
    },
  },
};

export const LOCAL_LESSONS = {
  schemaVersion: 1,
  lessons: [
    {
      id: LOCAL_LESSON_ID,
      number: 40,
      picture: 'browser',
      steps: [
        { kind: 'explain', picture: 'browser' },
        { kind: 'explain', picture: 'check' },
        { kind: 'practice', practice: 'choose', options: 2, correct: 1 },
      ],
      check: [
        { answers: 2, correct: 0 },
        { answers: 2, correct: 1 },
      ],
    },
  ],
  texts: {
    sv: {
      lessons: {
        [LOCAL_LESSON_ID]: {
          title: 'Skriva ut på biblioteket',
          summary: 'Så skriver du ut från bibliotekets dator.',
          steps: [
            { title: 'Skrivaren', text: 'Skrivaren står vid disken.' },
            { title: 'Betala', text: 'En sida kostar två kronor.' },
            {
              title: 'Välj',
              text: 'Var hämtar du utskriften?',
              options: ['Hemma', 'Vid disken'],
              feedback: 'Utskriften kommer ut vid disken.',
            },
          ],
          check: [
            {
              question: 'Var står skrivaren?',
              answers: ['Vid disken', 'I källaren'],
              explanation: 'Vid disken.',
            },
            {
              question: 'Vad kostar en sida?',
              answers: ['Inget', 'Två kronor'],
              explanation: 'Två kronor.',
            },
          ],
        },
      },
    },
  },
};

export function settingsFile(
  helpPointId: string,
  config: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    config: { ...PUBLIC_CONFIG, helpPointId, ...config },
    localCatalogue: null,
    localLessons: null,
    ...extra,
  };
}
