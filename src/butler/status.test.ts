import { describe, expect, it } from 'vitest';
import {
  ACTION_TARGET,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TRANSITIONS,
  IllegalTicketTransitionError,
  actionsFor,
  assertTransition,
  canTransition,
  describeTicketStatus,
  type TicketAction,
  type TicketParty,
  type TicketStatus,
} from './status.ts';

// The lifecycle written out once more by hand, so a change to the table is a deliberate one.
const ALLOWED: [TicketStatus, TicketStatus][] = [
  ['open', 'responded'],
  ['open', 'closed'],
  ['responded', 'confirmed'],
  ['responded', 'closed'],
  ['confirmed', 'submitted'],
  ['confirmed', 'closed'],
  ['submitted', 'accepted'],
  ['submitted', 'closed'],
];

describe('butler ticket transitions', () => {
  const cells = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));

  it.each(cells)('%s → %s is allowed only if listed', (from, to) => {
    const expected = ALLOWED.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(IllegalTicketTransitionError);
  });

  it('has a row for every status and ends only in accepted and closed', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
    expect(TICKET_STATUSES.filter((s) => TRANSITIONS[s].length === 0).sort()).toEqual(['accepted', 'closed']);
  });

  it('names each action after the status it leads to', () => {
    expect(ACTION_TARGET).toEqual({ respond: 'responded', confirm: 'confirmed', submit: 'submitted', accept: 'accepted', close: 'closed' });
  });

  it('describes every status in both languages', () => {
    for (const status of TICKET_STATUSES) {
      const text = describeTicketStatus(status);
      expect(text.zh).toMatch(/\p{Script=Han}/u);
      expect(text.en.length).toBeGreaterThan(3);
    }
  });
});

describe('who may do what, in each status', () => {
  // Every (status, party) cell: the customer confirms and may withdraw while the request is free; the butler does the rest.
  const EXPECTED: Record<TicketStatus, Record<TicketParty, TicketAction[]>> = {
    open: { owner: ['close'], butler: ['respond', 'close'] },
    responded: { owner: ['confirm', 'close'], butler: ['close'] },
    confirmed: { owner: [], butler: ['submit', 'close'] },
    submitted: { owner: [], butler: ['accept', 'close'] },
    accepted: { owner: [], butler: [] },
    closed: { owner: [], butler: [] },
  };
  const cells = TICKET_STATUSES.flatMap((status) => (['owner', 'butler'] as const).map((party) => [status, party] as const));

  it.each(cells)('%s, %s', (status, party) => {
    expect(actionsFor(status, party)).toEqual(EXPECTED[status][party]);
    for (const action of actionsFor(status, party)) expect(TICKET_ACTIONS).toContain(action);
  });
});
