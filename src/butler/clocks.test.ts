import { describe, expect, it } from 'vitest';
import { clockDueAt, firstResponseDue, isOutsideBusinessHours, materialsDue, runningClock, ticketClocks, type TicketTimes } from './clocks.ts';
import { TICKET_STATUSES } from './status.ts';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('the butler’s promises as clocks', () => {
  it.each([
    ['2026-11-27T17:20:00', '2026-11-30T09:50:00'], // Friday 17:20 → Monday 9:50
    ['2026-11-24T09:00:00', '2026-11-24T10:00:00'], // before opening → 30 minutes after it
    ['2026-11-24T12:00:00', '2026-11-24T12:30:00'],
    ['2026-02-17T11:00:00', '2026-02-24T10:00:00'], // Spring Festival → the first workday
    ['2026-02-14T17:20:00', '2026-02-24T09:50:00'], // the adjusted Saturday before it works until 17:30
  ])('a request at %s is answered by %s', (opened, due) => {
    expect(firstResponseDue(at(opened)).toISOString()).toBe(at(due).toISOString());
  });

  it.each([
    ['2026-11-23T10:00:00', '2026-11-26T10:00:00'],
    ['2026-11-26T16:00:00', '2026-12-01T16:00:00'], // over a weekend
    ['2026-09-29T11:00:00', '2026-10-09T11:00:00'], // Sept 29, 30, then Oct 8 (holiday) and Oct 9
    ['2026-11-24T20:00:00', '2026-11-27T17:30:00'], // confirmed in the evening: counted from the next morning
  ])('materials confirmed at %s are due by %s', (confirmed, due) => {
    expect(materialsDue(at(confirmed)).toISOString()).toBe(at(due).toISOString());
  });

  it('knows when a request comes outside business hours', () => {
    expect(isOutsideBusinessHours(at('2026-11-24T10:00:00'))).toBe(false);
    expect(isOutsideBusinessHours(at('2026-11-24T17:30:00'))).toBe(true);
    expect(isOutsideBusinessHours(at('2026-11-28T10:00:00'))).toBe(true); // Saturday
    expect(isOutsideBusinessHours(at('2026-02-14T10:00:00'))).toBe(false); // adjusted working Saturday
  });

  it('runs the first-response clock while open and the materials clock while confirmed, nothing else', () => {
    const running = Object.fromEntries(TICKET_STATUSES.map((s) => [s, runningClock(s)]));
    expect(running).toEqual({ open: 'first_response', responded: null, confirmed: 'materials', submitted: null, accepted: null, closed: null });
  });

  it('marks a running clock overdue at its due time, and a clock met late as late', () => {
    const ticket: TicketTimes = {
      status: 'open',
      openedAt: at('2026-11-27T17:20:00'),
      firstResponseDueAt: at('2026-11-30T09:50:00'),
      respondedAt: null,
      confirmedAt: null,
      materialsDueAt: null,
      submittedAt: null,
    };
    expect(ticketClocks(ticket, at('2026-11-30T09:49:00'))[0]).toMatchObject({ isRunning: true, isOverdue: false });
    expect(ticketClocks(ticket, at('2026-11-30T09:50:00'))[0]).toMatchObject({ isRunning: true, isOverdue: true });
    expect(clockDueAt(ticket)?.toISOString()).toBe(ticket.firstResponseDueAt.toISOString());

    const answered = { ...ticket, status: 'confirmed' as const, respondedAt: at('2026-11-30T10:05:00'), confirmedAt: at('2026-11-30T11:00:00'), materialsDueAt: at('2026-12-03T11:00:00') };
    const clocks = ticketClocks(answered, at('2026-12-01T09:00:00'));
    expect(clocks).toHaveLength(2);
    expect(clocks[0]).toMatchObject({ kind: 'first_response', isRunning: false, isOverdue: false, wasLate: true });
    expect(clocks[1]).toMatchObject({ kind: 'materials', isRunning: true, isOverdue: false, wasLate: false });
    expect(clockDueAt(answered)?.toISOString()).toBe(answered.materialsDueAt.toISOString());
    expect(clockDueAt({ ...answered, status: 'closed' })).toBeNull();
    // A closed ticket's clock stops without being overdue.
    expect(ticketClocks({ ...ticket, status: 'closed' }, at('2026-12-10T09:00:00'))[0]).toMatchObject({ isRunning: false, isOverdue: false, wasLate: false });
  });
});
