/**
 * The tagging machine with its storage actors wired to the staff services: a new record gets
 * its UUIDv7 and is committed strictly (the commit is timed for `npm run bench:staff`); a
 * change or delete goes through the service that holds the outbox lock.
 */
import { fromPromise } from 'xstate';
import { v7 as uuidv7 } from 'uuid';
import type { StaffServices } from '../staff-services';
import { taggingMachine, type CorrectionInput } from './tagging-machine';
import { toQuestionData, type TagDraft } from './tag-record';
import { measureCommit } from './commit-timing';

export function taggingMachineWith(
  services: Pick<StaffServices, 'saveQuestion' | 'correctQuestion'>,
) {
  return taggingMachine.provide({
    actors: {
      saveRecord: fromPromise(async ({ input }: { input: { draft: TagDraft } }) => {
        const recordId = uuidv7();
        const data = toQuestionData(input.draft, recordId);
        await services.saveQuestion(data);
        measureCommit();
        return { recordId, data };
      }),
      correctRecord: fromPromise(({ input }: { input: CorrectionInput }) =>
        services.correctQuestion(
          input.recordId,
          input.next && toQuestionData(input.next, input.recordId),
        ),
      ),
    },
  });
}
