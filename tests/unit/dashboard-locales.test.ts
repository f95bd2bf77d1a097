import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listSourceFiles } from '../support/locale-check';
import { VIEW_IDS, DEVICE_WARNINGS } from '../../src/dashboard/api-types';
import sv from '../../src/dashboard/locales/sv.json';
import en from '../../src/dashboard/locales/en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('dashboard locales (sv, en)', () => {
  const svFlat = flatten(sv as Tree);
  const enFlat = flatten(en as Tree);

  it('have the same keys and placeholders, none empty', () => {
    expect([...enFlat.keys()].sort()).toEqual([...svFlat.keys()].sort());
    for (const [key, text] of svFlat) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(enFlat.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('have every key the dashboard code uses, and every view and warning', () => {
    const used = new Set<string>();
    for (const file of listSourceFiles('src/dashboard')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1] ?? '');
    }
    VIEW_IDS.forEach((view) => used.add(`views.${view}.title`).add(`views.${view}.description`));
    DEVICE_WARNINGS.forEach((warning) => used.add(`devices.warning.${warning}`));
    expect(used.size).toBeGreaterThan(60);
    // Plural keys exist as key_one/key_other.
    const missing = [...used].filter((key) => !svFlat.has(key) && !svFlat.has(`${key}_other`));
    expect(missing).toEqual([]);
  });

  it('are not in the kiosk namespace, so the kiosk locale check is unaffected', () => {
    for (const file of listSourceFiles('src/dashboard')) {
      const text = readFileSync(file, 'utf8');
      if (/\bt\(/.test(text)) expect(text, file).toMatch(/useTranslation\('dashboard'\)/);
    }
  });
});
