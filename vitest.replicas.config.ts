import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The tests that run a real Redis (Debian's `redis-server`, started on a free loopback port):
 * `npm run test:replicas`. Apart from `npm test` so that the suite runs on a machine with Node alone,
 * as the browser tests are.
 */
export const redisTests = ['test/integration/shared-store.test.ts', 'test/integration/replicas.test.ts'];

export default defineConfig({
  // The same single copy of graphql as the main suite (see vitest.config.ts).
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: redisTests,
    globalSetup: ['test/support/global-setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
