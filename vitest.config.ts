import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'cli/**/*.test.ts', 'web/src/lib/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    env: { QUNEI_SCRYPT_N: '1024', TZ: 'America/Los_Angeles' },
  },
});
