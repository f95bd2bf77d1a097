/**
 * Testa's technology is content: `content/testa/items.json` (ids and pictures) and one text
 * file per language with each item's how-to card. The help point chooses which items it has
 * (`testaItems` in its configuration); validated in the tests and at load time.
 */
import { z } from 'zod/mini';
import { codeSchema } from '../../../protocol/codes';
import { TESTA_DEMOS } from '../../../protocol/vocabulary';

export const ITEM_PICTURES = [
  'ereader',
  'tablet',
  'smartphone',
  'vr',
  'speaker',
  'ebook',
  'newspaper',
  'scanner',
] as const;

/**
 * Try-it-here demos the browser can do safely; their ids are logged like items', so the list
 * lives in the protocol, where the collector checks logged ids against it.
 */
export const DEMOS = TESTA_DEMOS;
export type Demo = (typeof DEMOS)[number];

export const testaFactsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  items: z
    .array(z.strictObject({ id: codeSchema, picture: z.enum(ITEM_PICTURES) }))
    .check(z.minLength(1), z.maxLength(40)),
});
export type TestaFacts = z.infer<typeof testaFactsSchema>;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const testaItemTextsSchema = z.strictObject({
  title: text(60),
  what: text(300),
  tryIn5: z.array(text(200)).check(z.minLength(2), z.maxLength(4)),
  howToStart: z.array(text(200)).check(z.minLength(2), z.maxLength(5)),
  borrow: text(300),
});
export type TestaItemTexts = z.infer<typeof testaItemTextsSchema>;

export const testaTextsSchema = z.strictObject({
  items: z.record(codeSchema, testaItemTextsSchema),
});
export type TestaTexts = z.infer<typeof testaTextsSchema>;

export function testaProblems(facts: TestaFacts, texts: TestaTexts): string[] {
  const ids = facts.items.map((item) => item.id);
  const problems = ids
    .filter((id, index) => ids.indexOf(id) !== index)
    .map((id) => `item ${id} appears twice`);
  for (const id of ids) if (!texts.items[id]) problems.push(`item ${id} has no texts`);
  for (const id of Object.keys(texts.items))
    if (!ids.includes(id)) problems.push(`texts for unknown item ${id}`);
  return problems;
}
