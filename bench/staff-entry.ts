/**
 * Browser entry for `npm run bench:staff`: completes question records the way the tagging
 * screen does (draft → event payload → LocalData's strict-durability transaction) and times
 * each from the completing choice to the committed write.
 */
import { v7 as uuidv7 } from 'uuid';
import { createLocalData } from '../src/db/local-data';
import { newDraft, toQuestionData, type TagDraft } from '../src/features/staff/tagging/tag-record';
import { HELP_TOPICS, OUTCOMES, TIME_SPENT } from '../src/protocol/vocabulary';

async function runStaffBench(records: number): Promise<number[]> {
  const data = createLocalData();
  const identity = { deviceId: await data.getDeviceId(), helpPointId: 'bench-help-point' };
  const times: number[] = [];
  for (let index = 0; index < records; index += 1) {
    const draft: TagDraft = {
      ...newDraft(Date.now(), { language: 'sv', channel: 'drop-in' }),
      helpedWith: [HELP_TOPICS[index % HELP_TOPICS.length] ?? 'other'],
      timeSpent: TIME_SPENT[index % TIME_SPENT.length] ?? 'under-5',
    };
    const started = performance.now();
    // The tap that completes the record: choosing the outcome.
    const complete: TagDraft = { ...draft, outcome: OUTCOMES[index % 2] ?? 'solved' };
    await data.recordLog('question', toQuestionData(complete, uuidv7()), identity);
    times.push(performance.now() - started);
  }
  data.close();
  return times;
}

(window as unknown as { runStaffBench: typeof runStaffBench }).runStaffBench = runStaffBench;
