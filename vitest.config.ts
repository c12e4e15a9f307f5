import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          // generator tests walk thousands of records; CI machines are shared and slow at times
          testTimeout: 30_000,
          include: ['src/**/*.test.ts', 'standards/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'src/web/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts', 'standards/**/*.db.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
