/** A controllable clock for tests. */
export function fixedClock(iso = '2026-11-24T02:00:00Z') {
  let now = new Date(iso);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(to: string) {
      now = new Date(to);
    },
    advanceMinutes(m: number) {
      now = new Date(now.getTime() + m * 60_000);
    },
  });
}
