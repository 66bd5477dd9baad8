import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { localGateway } from '../support/gateway';

/**
 * graphql-http's own audits of the GraphQL-over-HTTP spec, run against the gateway: every MUST
 * (an `error` when it fails) and every SHOULD (a `warn`) must pass. MAY audits may leave a
 * `notice`: the ones left come from CSRF prevention, which refuses GET requests without the
 * `x-graphql-yoga-csrf` header on purpose.
 */
const { gateway } = localGateway();

describe('graphql-http server audits', () => {
  const audits = serverAudits({ url: 'http://gateway.test/graphql', fetchFn: gateway.fetch });

  it('runs the whole list', () => {
    expect(audits.length).toBeGreaterThan(40);
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      const failed = result.status === 'error' || result.status === 'warn';
      expect(failed, failed ? `${result.status}: ${'reason' in result ? result.reason : ''}` : '').toBe(false);
    });
  }
});
