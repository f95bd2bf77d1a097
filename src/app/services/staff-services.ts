/**
 * The staff screens' services, wired to the app's: question records through LocalData
 * (saves are strict commits; corrections hold the outbox lock so no batch holding the record
 * is in flight), the catalogue's errands for tagging, and the collector's live calls.
 */
import type { AppServices } from './app-services';
import type { ErrandOption, StaffServices } from '../../features/staff/staff-services';
import { withOutboxExclusive } from '../../sync/drain-lock';
import { AGENCIES, type Agency } from '../../protocol/vocabulary';

/** Catalogue agencies are finer than the tag vocabulary: map what matches, the rest is "other". */
function tagAgency(catalogueAgency: string): Agency {
  if (catalogueAgency === 'region') return 'region-1177';
  return (AGENCIES as readonly string[]).includes(catalogueAgency)
    ? (catalogueAgency as Agency)
    : 'other';
}

export function createStaffServices(
  app: Pick<
    AppServices,
    'config' | 'storage' | 'identity' | 'sync' | 'content' | 'collector' | 'logs'
  >,
): StaffServices {
  return {
    askPostcodeArea: app.config.current.askPostcodeArea === true,

    saveQuestion: (data) => app.logs.record('question', data),

    async correctQuestion(recordId, next) {
      const [data, identity] = await Promise.all([app.storage.open(), app.identity.current()]);
      const outcome = await withOutboxExclusive(() =>
        data.correctQuestion(recordId, next, identity),
      );
      // A queued correction should travel as soon as it can, like any new log.
      app.sync.afterWrite();
      return outcome;
    },

    async readQuestionEvents() {
      const data = await app.storage.open();
      const [questions, withdrawals] = await Promise.all([
        data.listLogs('question'),
        data.listLogs('question-withdrawn'),
      ]);
      const events = [...questions, ...withdrawals];
      return { events, queued: await data.queuedIds(events.map((event) => event.id)) };
    },

    async errands(language): Promise<ErrandOption[]> {
      const catalogue = await app.content.load('catalogue', language);
      return catalogue.facts.errands
        .map((errand) => ({
          id: errand.id,
          title: catalogue.texts.errands[errand.id]?.title ?? errand.id,
          agency: tagAgency(errand.agency),
        }))
        .sort((a, b) => a.title.localeCompare(b.title, language));
    },

    async helpRequests() {
      const client = await app.collector.client();
      if (!client) return null;
      return {
        list: () => client.listHelpRequests(),
        act: (id, action) => client.actOnHelpRequest(id, action),
        tally: (from, to) => client.tally(from, to),
      };
    },
  };
}
