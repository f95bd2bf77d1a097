// The enrollment flow's paths, with its storage and network replaced by plain functions.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { EnrollmentLink } from '../../src/protocol/sync-api';
import { enrollmentMachine, type SettledExchange } from '../../src/sync/enrollment-machine';

const LINK: EnrollmentLink = { collectorUrl: 'https://new.example', code: 'N'.repeat(43) };
const SETTLED = ['idle', 'invalid', 'confirm', 'waiting', 'enrolled', 'used', 'expired', 'refused'];

function run(options: {
  current?: { helpPointId: string; collectorUrl: string } | null;
  outcomes?: SettledExchange[];
  pending?: EnrollmentLink | null;
}) {
  const exchanged: EnrollmentLink[] = [];
  const outcomes = [...(options.outcomes ?? [])];
  const actor = createActor(
    enrollmentMachine.provide({
      actors: {
        readCurrent: fromPromise(async () => options.current ?? null),
        exchange: fromPromise<SettledExchange, { link: EnrollmentLink }>(async ({ input }) => {
          exchanged.push(input.link);
          return outcomes.shift() ?? { kind: 'unreachable' };
        }),
        readPending: fromPromise(async () => options.pending ?? null),
      },
    }),
  ).start();
  const settled = () => waitFor(actor, (s) => SETTLED.includes(String(s.value)));
  return { actor, exchanged, settled };
}

describe('enrollment machine', () => {
  it('exchanges a link at once on a device that is not enrolled', async () => {
    const { actor, exchanged, settled } = run({
      outcomes: [{ kind: 'enrolled', helpPointId: 'kalmar' }],
    });
    actor.send({ type: 'LINK', link: LINK });
    const done = await settled();
    expect(done.value).toBe('enrolled');
    expect(done.context.helpPointId).toBe('kalmar');
    expect(exchanged).toEqual([LINK]);
  });

  it('waits for staff on an enrolled device: cancel keeps it, confirm switches', async () => {
    const current = { helpPointId: 'kalmar', collectorUrl: 'https://old.example' };
    const { actor, exchanged, settled } = run({
      current,
      outcomes: [{ kind: 'enrolled', helpPointId: 'vaxjo' }],
    });
    actor.send({ type: 'LINK', link: LINK });
    const asking = await settled();
    expect(asking.value).toBe('confirm');
    expect(asking.context).toMatchObject({
      helpPointId: 'kalmar',
      currentCollectorUrl: 'https://old.example',
      link: LINK,
    });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(exchanged).toEqual([]);

    actor.send({ type: 'LINK', link: LINK });
    await settled();
    actor.send({ type: 'CONFIRM' });
    expect((await settled()).value).toBe('enrolled');
    expect(exchanged).toEqual([LINK]);
  });

  it('waits while the collector is unreachable and tries again on RETRY', async () => {
    const { actor, exchanged, settled } = run({
      outcomes: [{ kind: 'unreachable' }, { kind: 'enrolled', helpPointId: 'kalmar' }],
    });
    actor.send({ type: 'LINK', link: LINK });
    expect((await settled()).value).toBe('waiting');
    actor.send({ type: 'RETRY' });
    expect((await settled()).value).toBe('enrolled');
    expect(exchanged).toEqual([LINK, LINK]);
  });

  it('picks up a code kept from an earlier start, and does nothing without one', async () => {
    const kept = run({ pending: LINK, outcomes: [{ kind: 'enrolled', helpPointId: 'kalmar' }] });
    kept.actor.send({ type: 'RETRY' });
    expect((await kept.settled()).value).toBe('enrolled');
    const none = run({});
    none.actor.send({ type: 'RETRY' });
    expect((await none.settled()).value).toBe('idle');
    expect(none.exchanged).toEqual([]);
  });

  it.each(['used', 'expired', 'refused'] as const)(
    'ends as %s, and a new link starts over',
    async (kind) => {
      const { actor, settled } = run({
        outcomes: [{ kind }, { kind: 'enrolled', helpPointId: 'kalmar' }],
      });
      actor.send({ type: 'LINK', link: LINK });
      expect((await settled()).value).toBe(kind);
      actor.send({ type: 'RETRY' });
      expect(actor.getSnapshot().value).toBe(kind);
      actor.send({ type: 'LINK', link: LINK });
      expect((await settled()).value).toBe('enrolled');
    },
  );

  it('says when a link cannot be read', () => {
    const { actor } = run({});
    actor.send({ type: 'INVALID' });
    expect(actor.getSnapshot().value).toBe('invalid');
  });
});
