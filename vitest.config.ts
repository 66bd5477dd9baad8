import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { redisTests } from './vitest.replicas.config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds without an exports map: Node (and so yoga and
    // Pothos) loads the CommonJS one, Vite would pick the ESM one for our sources. Two copies
    // means two GraphQLError classes, and yoga would mask our own errors. Use Node's choice.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests (npm run test:browser) and the Redis tests (npm run test:replicas) need a
    // Debian package each; npm test needs Node alone.
    exclude: ['test/browser/**', 'node_modules/**', ...redisTests],
    globalSetup: ['test/support/global-setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
