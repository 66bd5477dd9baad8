import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/domain/gateway-error';
import { MAX_WAITING_SRP_STEPS, runSrpStep } from '../../../src/resolvers/srp-worker';

/**
 * The SRP library's arithmetic runs on a worker thread: while a step runs, the event loop keeps
 * turning (other requests are served); a refusal of the library comes back with its message.
 */
describe('SRP steps off the event loop', () => {
  it('the event loop keeps turning while an SRP step runs', async () => {
    let turns = 0;
    let done = false;
    const turn = () => {
      turns += 1;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    const session = await runSrpStep('createSrpSession', 'dana', 'Correct-Horse-Battery-9', 'eu-west-1_Worker001', false);
    done = true;
    expect(session.largeA).toMatch(/^[0-9a-f]{256,}$/);
    // Computed on this thread, the step would finish before the first turn.
    expect(turns).toBeGreaterThan(1);
  });

  it('a refusal of the library comes back as an Error with its message, and the worker serves the next step', async () => {
    const session = await runSrpStep('createSrpSession', 'dana', 'Correct-Horse-Battery-9', 'eu-west-1_Worker001', false);
    await expect(
      runSrpStep('signSrpSession', session, { ChallengeParameters: { SALT: 'ab', SECRET_BLOCK: 'c2VjcmV0', USER_ID_FOR_SRP: 'dana' } }),
    ).rejects.toThrow(/^Could not sign SRP session because of missing or undefined SRP_B/);
    const verifier = await runSrpStep('createDeviceVerifier', 'eu-west-1_0a1b2c3d-0000-4000-8000-000000000001', '-Gr0up');
    expect(verifier.DeviceRandomPassword).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('refuses a step at once, RATE_LIMITED with a retry time, while the worker has as many waiting as it takes', async () => {
    const steps = Array.from({ length: MAX_WAITING_SRP_STEPS + 2 }, () =>
      runSrpStep('createSrpSession', 'dana', 'Correct-Horse-Battery-9', 'eu-west-1_Worker001', false).then(
        (session) => ({ ok: session.largeA.length > 0 }),
        (error: unknown) => ({ refused: error instanceof GatewayError ? [error.code, error.details] : String(error) }),
      ),
    );
    const outcomes = await Promise.all(steps);
    expect(outcomes.slice(0, MAX_WAITING_SRP_STEPS)).toEqual(Array.from({ length: MAX_WAITING_SRP_STEPS }, () => ({ ok: true })));
    expect(outcomes.slice(MAX_WAITING_SRP_STEPS)).toEqual([
      { refused: ['RATE_LIMITED', { retryAfterSeconds: 1 }] },
      { refused: ['RATE_LIMITED', { retryAfterSeconds: 1 }] },
    ]);
    // Once the queue has drained, steps are taken again.
    await expect(runSrpStep('createDeviceVerifier', 'eu-west-1_0a1b2c3d-0000-4000-8000-000000000001', '-Gr0up')).resolves.toBeDefined();
  });
});
