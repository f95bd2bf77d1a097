/**
 * The Använda flow on the real catalogue: search, browse, open an errand, choose, and the one
 * `errand-viewed` log per errand page, whichever way the page is left (also when the whole
 * flow is stopped because the visit ended or timed out).
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { anvandaMachine, type AnvandaInput } from '../../src/features/anvanda/flow/anvanda-machine';
import {
  errandViewLogLogic,
  strongerChoice,
  type ErrandView,
} from '../../src/features/anvanda/flow/errand-view-log';
import {
  loadCatalogue,
  type LoadedCatalogue,
} from '../../src/features/anvanda/catalogue/load-catalogue';
import { searchCatalogue } from '../../src/features/anvanda/catalogue/search-results';
import { ERRAND_CHOICES, type LanguageCode } from '../../src/protocol/vocabulary';

async function startFlow(input: Partial<AnvandaInput> = {}, load = loadCatalogue) {
  const views: ErrandView[] = [];
  const opened: string[] = [];
  const actor = createActor(
    anvandaMachine.provide({
      actors: {
        loadCatalogue: fromPromise<LoadedCatalogue, { language: LanguageCode }>(({ input }) =>
          load(input.language, null),
        ),
        errandViewLog: errandViewLogLogic((view) => views.push(view)),
      },
      actions: { openOnKiosk: (_, { url }) => void opened.push(url) },
    }),
    { input: { language: 'sv', openOnKioskAllowed: false, ...input } },
  ).start();
  await waitFor(actor, (snapshot) => !snapshot.matches('loading'));
  return { actor, views, opened };
}

describe('the Använda flow', () => {
  it('searches as the visitor types: errands first, then categories', async () => {
    const { actor } = await startFlow();
    actor.send({ type: 'TYPE', query: 'bygglov' });
    const { results } = actor.getSnapshot().context;
    expect(results.errands[0]?.id).toBe('bygglov');
    expect(results.categories[0]).toBe('housing-building');
    actor.send({ type: 'TYPE', query: '' });
    expect(actor.getSnapshot().context.results.errands).toEqual([]);
  });

  it('opening, choosing and going back records one view with the strongest choice', async () => {
    const { actor, views } = await startFlow();
    actor.send({ type: 'TYPE', query: 'föräldrapenning' });
    actor.send({ type: 'OPEN_ERRAND', errandId: 'foraldrapenning', foundBy: 'search' });
    expect(actor.getSnapshot().matches({ ready: { errand: 'overview' } })).toBe(true);
    actor.send({ type: 'SHOW_STAFF' });
    actor.send({ type: 'SHOW_PHONE' });
    expect(views).toEqual([]);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches({ ready: 'search' })).toBe(true);
    expect(actor.getSnapshot().context.query).toBe('föräldrapenning');
    expect(views).toEqual([
      { errandId: 'foraldrapenning', foundBy: 'search', choice: 'staff', language: 'sv' },
    ]);
  });

  it('a visit that ends on an errand page still records it', async () => {
    const { actor, views } = await startFlow({ language: 'ar' });
    actor.send({ type: 'OPEN_CATEGORY', category: 'health' });
    actor.send({ type: 'OPEN_ERRAND', errandId: 'vaccination', foundBy: 'category' });
    actor.stop();
    expect(views).toEqual([
      { errandId: 'vaccination', foundBy: 'category', choice: 'none', language: 'ar' },
    ]);
  });

  it('back from an errand found in a category returns to that category', async () => {
    const { actor } = await startFlow();
    actor.send({ type: 'OPEN_CATEGORY', category: 'library' });
    actor.send({ type: 'OPEN_ERRAND', errandId: 'e-bocker', foundBy: 'category' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches({ ready: 'category' })).toBe(true);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches({ ready: 'search' })).toBe(true);
    expect(actor.getSnapshot().context.category).toBeNull();
  });

  it('an unknown errand id is ignored', async () => {
    const { actor, views } = await startFlow();
    actor.send({ type: 'OPEN_ERRAND', errandId: 'no-such-errand', foundBy: 'search' });
    expect(actor.getSnapshot().matches({ ready: 'search' })).toBe(true);
    actor.stop();
    expect(views).toEqual([]);
  });

  it('opening on the kiosk needs the help point’s permission and a confirmed warning', async () => {
    const closed = await startFlow();
    closed.actor.send({ type: 'OPEN_ERRAND', errandId: 'deklarera', foundBy: 'search' });
    closed.actor.send({ type: 'ASK_OPEN_ON_KIOSK' });
    expect(closed.actor.getSnapshot().matches({ ready: { errand: 'overview' } })).toBe(true);

    const open = await startFlow({ openOnKioskAllowed: true });
    open.actor.send({ type: 'OPEN_ERRAND', errandId: 'deklarera', foundBy: 'search' });
    open.actor.send({ type: 'ASK_OPEN_ON_KIOSK' });
    expect(open.actor.getSnapshot().matches({ ready: { errand: 'kioskWarning' } })).toBe(true);
    expect(open.opened).toEqual([]);
    open.actor.send({ type: 'CONFIRM_OPEN_ON_KIOSK' });
    expect(open.opened).toEqual(['https://skatteverket.se/privat/deklaration']);
    open.actor.send({ type: 'BACK' });
    expect(open.views[0]?.choice).toBe('kiosk');

    // A local errand without an e-service address has nothing to open.
    open.actor.send({ type: 'OPEN_ERRAND', errandId: 'lanekort', foundBy: 'search' });
    expect(open.actor.getSnapshot().can({ type: 'ASK_OPEN_ON_KIOSK' })).toBe(false);
  });

  it('a catalogue that cannot load says so and can be retried', async () => {
    let attempts = 0;
    const { actor } = await startFlow({}, async (language, local) => {
      attempts += 1;
      if (attempts === 1) throw new Error('sv.json refused: errands: expected record');
      return loadCatalogue(language, local);
    });
    expect(actor.getSnapshot().matches('failed')).toBe(true);
    expect(actor.getSnapshot().context.loadError).toMatch(/sv\.json refused/);
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (snapshot) => snapshot.matches('ready'));
  });
});

describe('search results', () => {
  it('never leave a visitor with nothing: a near miss gets suggestions', async () => {
    const catalogue = await loadCatalogue('sv', null);
    const miss = searchCatalogue(catalogue, 'kvrna');
    expect(miss.errands).toEqual([]);
    expect(miss.suggestions[0]?.id).toBe('kivra');
    expect(searchCatalogue(catalogue, '   ')).toEqual({
      errands: [],
      categories: [],
      suggestions: [],
    });
  });

  it('search in Persian also finds Swedish words, and the category by its own name', async () => {
    const catalogue = await loadCatalogue('fa', null);
    expect(searchCatalogue(catalogue, 'Försäkringskassan').errands.length).toBeGreaterThan(0);
    const title = catalogue.texts.categories.library?.title ?? '';
    expect(searchCatalogue(catalogue, title).categories).toContain('library');
  });

  it('builds the index once per language, again only when the local catalogue changes', async () => {
    const first = await loadCatalogue('uk', null);
    expect(await loadCatalogue('uk', null)).toBe(first);
    const local = { schemaVersion: 1 as const, errands: [], texts: {} };
    const withLocal = await loadCatalogue('uk', local);
    expect(withLocal).not.toBe(first);
    expect(await loadCatalogue('uk', { ...local })).toBe(withLocal);
  });

  it('loads every language, validated', async () => {
    for (const language of ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi'] as const) {
      const catalogue = await loadCatalogue(language, null);
      expect(catalogue.facts.errands.length).toBeGreaterThanOrEqual(45);
      expect(catalogue.swedishFallback.size).toBe(0);
    }
  });
});

describe('the strongest choice', () => {
  it('staff outweighs kiosk outweighs phone outweighs none, in any order', () => {
    for (const first of ERRAND_CHOICES) {
      for (const second of ERRAND_CHOICES) {
        const strongest =
          ERRAND_CHOICES.indexOf(first) > ERRAND_CHOICES.indexOf(second) ? first : second;
        expect(strongerChoice(first, second)).toBe(strongest);
        expect(strongerChoice(second, first)).toBe(strongest);
      }
    }
  });
});
