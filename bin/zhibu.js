#!/usr/bin/env node
// zhibu CLI entry: runs the TypeScript sources through tsx (no build step needed after `npm ci`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
