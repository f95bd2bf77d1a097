/**
 * One `errand-viewed` log per errand page a visitor opens, written when the page is left, by
 * going back, going home, ending the visit or timing out. It is an invoked callback actor
 * because XState v5 runs no exit actions when an actor is stopped, but it does stop (and so
 * clean up) invoked actors. `choice` is the strongest thing the visitor chose on the page:
 * asking the staff outweighs opening on the kiosk, which outweighs taking it to the phone.
 * The search text is never part of it.
 */
import { fromCallback } from 'xstate';
import type { ErrandChoice, FoundBy, LanguageCode } from '../../../protocol/vocabulary';

export interface ErrandView {
  errandId: string;
  foundBy: FoundBy;
  choice: ErrandChoice;
  language: LanguageCode;
}

const STRENGTH: Record<ErrandChoice, number> = { none: 0, phone: 1, kiosk: 2, staff: 3 };

export function strongerChoice(current: ErrandChoice, next: ErrandChoice): ErrandChoice {
  return STRENGTH[next] > STRENGTH[current] ? next : current;
}

export type ErrandViewLogEvent = { type: 'CHOICE'; choice: ErrandChoice };

export function errandViewLogLogic(record: (view: ErrandView) => void) {
  return fromCallback<ErrandViewLogEvent, Omit<ErrandView, 'choice'>>(({ input, receive }) => {
    let choice: ErrandChoice = 'none';
    receive((event) => {
      choice = strongerChoice(choice, event.choice);
    });
    return () => record({ ...input, choice });
  });
}
