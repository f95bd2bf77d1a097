/**
 * Like useMachine, but states the screen has nothing to show for are not drawn. The tap that
 * completes a record starts its storage write at once; not drawing the short "saving" state
 * keeps the main thread free, so the write's completion is not kept waiting behind a render
 * and a frame. The next state (saved, or failed) is drawn as usual.
 */
import { useEffect, useState } from 'react';
import { useActorRef } from '@xstate/react';
import type { AnyStateMachine, InputFrom, SnapshotFrom } from 'xstate';

export function useQuietMachine<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  quiet: (snapshot: SnapshotFrom<M>) => boolean,
) {
  const actor = useActorRef(machine, { input });
  const [snapshot, setSnapshot] = useState<SnapshotFrom<M>>(() => actor.getSnapshot());
  useEffect(() => {
    const subscription = actor.subscribe((next) => {
      if (!quiet(next)) setSnapshot(next);
    });
    return () => subscription.unsubscribe();
  }, [actor, quiet]);
  return [snapshot, actor.send] as const;
}
