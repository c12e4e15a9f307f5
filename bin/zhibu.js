#!/usr/bin/env -S node --max-semi-space-size=64
// zhibu CLI entry: runs the TypeScript sources through tsx (no build step needed after `npm ci`).
// A larger young generation (64 MB semi-spaces) cuts garbage collection of the full compliance run by a
// third (docs/decisions.md); `npm start` passes the same flag.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
