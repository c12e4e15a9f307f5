import { describe, expect, it } from 'vitest';
import { childPath, inSubtree, moveError, subtreeEnd } from './org-tree.ts';

// JavaScript's default string order is by UTF-16 code unit, the same as C collation for these ASCII paths
const inRange = (path: string, root: string) => path >= root && path < subtreeEnd(root);

describe('subtree range (path >= root AND path < subtreeEnd(root))', () => {
  const root = '/1/2s/';
  it.each([
    ['/1/2s/', true],
    ['/1/2s/0/', true],
    ['/1/2s/zz/3/', true],
    ['/1/2s0/', false], // sibling whose code extends the root's: not in the subtree
    ['/1/2sa/', false],
    ['/1/2r/', false],
    ['/1/2t/', false],
    ['/1/', false],
  ])('%s in the subtree of /1/2s/ → %s, the same as the prefix test', (path, expected) => {
    expect(inRange(path, root)).toBe(expected);
    expect(inSubtree(path, root)).toBe(expected);
  });

  it('agrees with the prefix test for every path of a generated tree', () => {
    const paths: string[] = ['/1/'];
    for (let i = 0; i < 40; i++) paths.push(childPath('/1/', i * 7));
    for (const p of [...paths]) for (let i = 0; i < 40; i += 3) paths.push(childPath(p, i * 11));
    const disagreements: string[] = [];
    for (const root of paths)
      for (const p of paths) if (inRange(p, root) !== p.startsWith(root)) disagreements.push(`${root} ${p}`);
    expect(disagreements).toEqual([]);
  });
});

describe('moveError (ORG-010 moves)', () => {
  it('refuses a move under itself or its own descendant', () => {
    expect(moveError('/1/2/', '/1/2/')).toMatch(/自身/);
    expect(moveError('/1/2/', '/1/2/5/')).toMatch(/循环/);
    expect(moveError('/1/2/', '/1/3/')).toBeNull();
  });
});
