/**
 * The locale check: every language has exactly the same keys as every other, the same
 * {{placeholders}} per key, no empty strings, and every literal key the code uses exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Flat = Map<string, string>;

export function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** Reads locales/<lang>/<namespace>.json into "namespace:key" → text per language. */
export function readLocales(root: string): Map<string, Flat> {
  const result = new Map<string, Flat>();
  for (const language of readdirSync(root)) {
    if (!statSync(join(root, language)).isDirectory()) continue;
    const flat: Flat = new Map();
    for (const file of readdirSync(join(root, language)).filter((name) => name.endsWith('.json'))) {
      const namespace = file.replace(/\.json$/, '');
      const parsed = JSON.parse(readFileSync(join(root, language, file), 'utf8')) as unknown;
      for (const [key, text] of flatten(parsed)) flat.set(`${namespace}:${key}`, text);
    }
    result.set(language, flat);
  }
  return result;
}

export function compareLocales(locales: Map<string, Flat>, reference: string): string[] {
  const problems: string[] = [];
  const all = new Set<string>();
  for (const flat of locales.values()) flat.forEach((_, key) => all.add(key));
  const referenceFlat = locales.get(reference);
  if (!referenceFlat) return [`reference language ${reference} is missing`];
  for (const [language, flat] of locales) {
    for (const key of all) {
      const text = flat.get(key);
      if (text === undefined) {
        problems.push(`${language} lacks ${key}`);
        continue;
      }
      if (!referenceFlat.has(key))
        problems.push(`${language} has ${key}, which ${reference} does not`);
      if (text.trim() === '') problems.push(`${language} has an empty ${key}`);
      const expected = referenceFlat.get(key);
      if (expected !== undefined && placeholders(expected).join() !== placeholders(text).join()) {
        problems.push(
          `${language} ${key} has placeholders [${placeholders(text)}], expected [${placeholders(expected)}]`,
        );
      }
    }
  }
  return problems;
}

/** The i18next namespace a source file translates with: useTranslation('ns'), else common. */
export function namespaceOf(text: string): string {
  return /useTranslation\(\s*'([a-z]+)'\s*\)/.exec(text)?.[1] ?? 'common';
}

/** Literal keys passed to t('…') in the source of one namespace, e.g. t('home.title'). */
export function literalKeysUsed(sourceFiles: string[], namespace = 'common'): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles) {
    const text = readFileSync(file, 'utf8');
    if (namespaceOf(text) !== namespace) continue;
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) keys.add(match[1] ?? '');
  }
  return keys;
}

export function listSourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
