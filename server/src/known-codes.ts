/**
 * Every id the collector accepts in a log: the built-in content's ids, read once from
 * content/ at start, and each help point's own local errands and lessons. An id is a code
 * (a slug), and a slug such as `anna-andersson` or `1912-12-12-1212` passes any pattern; only
 * knowing the list keeps a name or a personal number out of the store.
 *
 * The seam for local content: `localCodes(helpPointId)` says which errands and lessons a help
 * point adds. It defaults to none; the help point settings the collector stores are wired in
 * through it (start-collector.ts → buildApp → createKnownCodes).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod/mini';
import { codeSchema } from '../../src/protocol/codes';
import type { LogEvent } from '../../src/protocol/events';
import { COURSE_TYPES, TESTA_DEMOS } from '../../src/protocol/vocabulary';

export const CODE_KINDS = ['errand', 'lesson', 'testa-item', 'course-topic'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

export interface LocalCodes {
  errands: string[];
  lessons: string[];
}
export type LocalCodesSource = (helpPointId: string) => Promise<LocalCodes>;

/** A help point with no local content of its own. */
export const NO_LOCAL_CODES: LocalCodesSource = async () => ({ errands: [], lessons: [] });

export interface BuiltInCodes {
  errands: readonly string[];
  lessons: readonly string[];
  testaItems: readonly string[];
}

const idsOf = z.array(z.object({ id: codeSchema }));
const CONTENT_FILES = {
  errands: z.object({ errands: idsOf }),
  lessons: z.object({ lessons: idsOf }),
  items: z.object({ items: idsOf }),
};

function readIds(path: URL, key: keyof typeof CONTENT_FILES): string[] {
  // The content is this repository's own, validated at build; a wrong shape here is a bug.
  const parsed = CONTENT_FILES[key].parse(JSON.parse(readFileSync(path, 'utf8'))) as Record<
    string,
    { id: string }[]
  >;
  return (parsed[key] ?? []).map((entry) => entry.id);
}

/** The ids of content/ (catalogue errands, Lära lessons, Testa items). */
export function readBuiltInCodes(
  contentDir = new URL('../../content/', import.meta.url),
): BuiltInCodes {
  return {
    errands: readIds(new URL('catalogue/errands.json', contentDir), 'errands'),
    lessons: readIds(new URL('lessons/lessons.json', contentDir), 'lessons'),
    testaItems: readIds(new URL('testa/items.json', contentDir), 'items'),
  };
}

export type CodeCheck = (kind: CodeKind, id: string) => boolean;

export interface KnownCodes {
  isKnown(kind: CodeKind, id: string, helpPointId: string): Promise<boolean>;
  /** One look-up of the help point's local codes, then a synchronous check for a whole batch. */
  forHelpPoint(helpPointId: string): Promise<CodeCheck>;
}

export function createKnownCodes(
  builtIn: BuiltInCodes = readBuiltInCodes(),
  localCodes: LocalCodesSource = NO_LOCAL_CODES,
): KnownCodes {
  const base: Record<CodeKind, readonly string[]> = {
    errand: builtIn.errands,
    lesson: builtIn.lessons,
    'testa-item': [...builtIn.testaItems, ...TESTA_DEMOS],
    // A course's topic is a Lära lesson or a course type.
    'course-topic': [...builtIn.lessons, ...COURSE_TYPES],
  };
  async function forHelpPoint(helpPointId: string): Promise<CodeCheck> {
    const local = await localCodes(helpPointId);
    const sets: Record<CodeKind, Set<string>> = {
      errand: new Set([...base.errand, ...local.errands]),
      lesson: new Set([...base.lesson, ...local.lessons]),
      'testa-item': new Set(base['testa-item']),
      'course-topic': new Set([...base['course-topic'], ...local.lessons]),
    };
    return (kind, id) => sets[kind].has(id);
  }
  return {
    forHelpPoint,
    isKnown: async (kind, id, helpPointId) => (await forHelpPoint(helpPointId))(kind, id),
  };
}

/** The content ids an event refers to, by path and kind (null errands are "no errand"). */
export function codesOf(event: LogEvent): { path: string; kind: CodeKind; id: string }[] {
  switch (event.type) {
    case 'question':
      return event.data.errandId === null
        ? []
        : [{ path: 'data.errandId', kind: 'errand', id: event.data.errandId }];
    case 'errand-viewed':
      return [{ path: 'data.errandId', kind: 'errand', id: event.data.errandId }];
    case 'lesson':
      return [{ path: 'data.lessonId', kind: 'lesson', id: event.data.lessonId }];
    case 'course-session':
      return [{ path: 'data.topic', kind: 'course-topic', id: event.data.topic }];
    case 'tech-tried':
      return [{ path: 'data.itemId', kind: 'testa-item', id: event.data.itemId }];
    default:
      return [];
  }
}
