// @vitest-environment happy-dom
/**
 * The status view's errand-link lines (issue 15): the newest and the oldest verification
 * date, each named as such, the count of unverified (home page) links and of search links,
 * in the staff's language; and an honest "not known" when the catalogue could not be read.
 */
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LinkAgeStatus } from '../../src/features/device-status/components/LinkAgeStatus';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const common = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/common.json`, 'utf8')) as Record<string, unknown>;

let root: Root | null = null;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    ns: ['common'],
    defaultNS: 'common',
    resources: { en: { common: common('en') }, ar: { common: common('ar') } },
    interpolation: { escapeValue: false },
  });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function render(links: Parameters<typeof LinkAgeStatus>[0]['links']) {
  const container = document.createElement('dl');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(createElement(LinkAgeStatus, { links })));
  const text = (id: string) => container.querySelector(`[data-testid=${id}]`)?.textContent ?? null;
  return { text };
}

describe('the status view’s link age', () => {
  const links = {
    newestVerified: '2026-12-05',
    oldestVerified: '2026-11-20',
    unverified: 7,
    search: 3,
  };

  it('names the newest and the oldest verification and counts unverified and search links', async () => {
    await act(() => i18next.changeLanguage('en'));
    const { text } = render(links);
    expect(text('status-links-verified')).toBe(
      'Last verified Dec 5, 2026; the oldest check is from Nov 20, 2026',
    );
    expect(text('status-links-unverified')).toBe('Not verified (agency home page only): 7');
    expect(text('status-links-search')).toBe('Search links: 3');
  });

  it('speaks the staff’s language', async () => {
    await act(() => i18next.changeLanguage('ar'));
    const { text } = render(links);
    expect(text('status-links-verified')).toContain('آخر تحقق');
    expect(text('status-links-unverified')).toMatch(/غير متحقق منها.*: 7$/);
  });

  it('says "not known" rather than a date it does not have', async () => {
    await act(() => i18next.changeLanguage('en'));
    const { text } = render(null);
    expect(text('status-links-verified')).toBe('Not known');
    expect(text('status-links-unverified')).toBeNull();
  });
});
