/** A planned meeting, as matched against the held ones. */
export type PlannedItem = { id: string; plannedOn: string; tags: string[]; meetingId: string | null };
/** A held meeting record (not merely planned). */
export type HeldMeeting = { id: string; heldOn: string; tags: string[] };

export type ItemState = 'held' | 'pending' | 'missed';
export type ItemMatch = { itemId: string; meetingId: string | null; heldOn: string | null; state: ItemState };

/**
 * Planned vs held (LIFE-014 variance report): an item is fulfilled by the meeting linked to it, else by a
 * held meeting of the same month that carries every tag of the item and has not yet fulfilled an item
 * of those tags (a 党员大会+党课 record fulfils one 党员大会 item and one 党课 item). Unfulfilled items are
 * `missed` once their month has ended by `asOf`, else `pending`. Held meetings that fulfil nothing are
 * returned as unplanned.
 */
export function planVariance(
  items: readonly PlannedItem[],
  held: readonly HeldMeeting[],
  asOf: string,
): { matches: ItemMatch[]; unplanned: string[] } {
  const used = new Set<string>();
  const byId = new Map(held.map((m) => [m.id, m]));
  const take = (m: HeldMeeting, tags: string[]) => {
    for (const t of tags) used.add(`${m.id}|${t}`);
  };
  const free = (m: HeldMeeting, tags: string[]) =>
    tags.every((t) => m.tags.includes(t) && !used.has(`${m.id}|${t}`));
  const found = new Map<string, HeldMeeting>();
  for (const i of items) {
    const linked = i.meetingId ? byId.get(i.meetingId) : undefined;
    if (linked) {
      found.set(i.id, linked);
      take(linked, i.tags);
    }
  }
  const sorted = [...items].sort((a, b) =>
    a.plannedOn < b.plannedOn ? -1 : a.plannedOn > b.plannedOn ? 1 : 0,
  );
  const heldSorted = [...held].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  for (const i of sorted) {
    if (found.has(i.id)) continue;
    const month = i.plannedOn.slice(0, 7);
    const m = heldSorted.find((h) => h.heldOn.startsWith(month) && free(h, i.tags));
    if (!m) continue;
    found.set(i.id, m);
    take(m, i.tags);
  }
  const matches = items.map((i): ItemMatch => {
    const m = found.get(i.id);
    if (m) return { itemId: i.id, meetingId: m.id, heldOn: m.heldOn, state: 'held' };
    return {
      itemId: i.id,
      meetingId: null,
      heldOn: null,
      state: monthEnded(i.plannedOn, asOf) ? 'missed' : 'pending',
    };
  });
  const fulfilling = new Set([...found.values()].map((m) => m.id));
  return { matches, unplanned: held.filter((m) => !fulfilling.has(m.id)).map((m) => m.id) };
}

/** True when the month of `day` has ended by `asOf` (asOf is in a later month). */
const monthEnded = (day: string, asOf: string) => asOf.slice(0, 7) > day.slice(0, 7);
