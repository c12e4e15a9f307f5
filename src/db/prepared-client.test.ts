import { describe, expect, it } from 'vitest';
import { preparedName, statementName, withPlanPerCall } from './prepared-client.ts';

describe('prepared statements (named per SQL text; planned per call inside withPlanPerCall)', () => {
  const text = 'select * from org where path >= $1 and path < $2';

  it('names a parameterized statement by its text, the same name every time', () => {
    const name = preparedName(text, 2);
    expect(name).toMatch(/^z_[0-9a-f]{24}$/);
    expect(preparedName(text, 2)).toBe(name);
    expect(statementName('select 1', 0)).toBeUndefined(); // no parameters: simple protocol
  });

  it('leaves statements unnamed inside withPlanPerCall, through awaits, and names them again after', async () => {
    const seen = await withPlanPerCall(async () => {
      const before = preparedName(text, 2);
      await new Promise((r) => setTimeout(r, 1));
      const after = await Promise.all([1, 2].map(async () => preparedName(text, 2)));
      return [before, ...after];
    });
    expect(seen).toEqual([undefined, undefined, undefined]);
    expect(preparedName(text, 2)).toMatch(/^z_/);
  });
});
