import { describe, expect, it } from 'vitest';
import { planVariance } from './variance.ts';

const item = (id: string, plannedOn: string, tags: string[], meetingId: string | null = null) => ({
  id,
  plannedOn,
  tags,
  meetingId,
});

describe('planVariance (LIFE-014 planned vs held)', () => {
  it('matches by tag and month; a combined record fulfils one item of each of its tags', () => {
    const r = planVariance(
      [item('a', '2026-05-13', ['branch_assembly']), item('l', '2026-05-20', ['party_lecture'])],
      [{ id: 'm', heldOn: '2026-05-28', tags: ['branch_assembly', 'party_lecture'] }],
      '2026-11-24',
    );
    expect(r.matches.map((m) => [m.itemId, m.meetingId, m.state])).toEqual([
      ['a', 'm', 'held'],
      ['l', 'm', 'held'],
    ]);
    expect(r.unplanned).toEqual([]);
  });
  it('a meeting of another month does not fulfil the item; it is unplanned', () => {
    const r = planVariance(
      [item('a', '2026-05-13', ['branch_assembly'])],
      [{ id: 'm', heldOn: '2026-06-01', tags: ['branch_assembly'] }],
      '2026-11-24',
    );
    expect(r.matches[0].state).toBe('missed');
    expect(r.unplanned).toEqual(['m']);
  });
  it('one meeting fulfils only one item of a tag', () => {
    const r = planVariance(
      [item('a', '2026-03-03', ['committee_meeting']), item('b', '2026-03-17', ['committee_meeting'])],
      [{ id: 'm', heldOn: '2026-03-03', tags: ['committee_meeting'] }],
      '2026-03-20',
    );
    expect(r.matches.map((m) => m.state)).toEqual(['held', 'pending']);
  });
  it('an unfulfilled item is pending during its month and missed from the first day of the next', () => {
    const plan = [item('a', '2026-03-26', ['theme_day'])];
    expect(planVariance(plan, [], '2026-03-31').matches[0].state).toBe('pending');
    expect(planVariance(plan, [], '2026-04-01').matches[0].state).toBe('missed');
  });
  it('an explicit link wins over the month rule', () => {
    const r = planVariance(
      [item('a', '2026-03-26', ['theme_day'], 'late')],
      [
        { id: 'x', heldOn: '2026-03-26', tags: ['theme_day'] },
        { id: 'late', heldOn: '2026-04-02', tags: ['theme_day'] },
      ],
      '2026-11-24',
    );
    expect(r.matches[0]).toEqual({ itemId: 'a', meetingId: 'late', heldOn: '2026-04-02', state: 'held' });
    expect(r.unplanned).toEqual(['x']);
  });
});
