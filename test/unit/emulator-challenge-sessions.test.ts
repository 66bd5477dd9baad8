import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The sign-in sessions the project's patch of cognito-local adds (patches/cognito-local+5.3.0.patch,
 * lib/services/challengeSessions.js), on a clock of the test's own: what the integration test
 * (test/integration/emulator-challenge-sessions.test.ts) cannot wait for, a session's expiry after
 * Cognito's default 3 minutes, and a session put back after a wrong answer.
 */

interface Binding {
  username: string;
  clientId: string;
  challengeName: string;
}
interface Clock {
  get(): Date;
}
interface ChallengeSessions {
  issueChallengeSession(clock: Clock, binding: Binding): string;
  takeChallengeSession(clock: Clock, session: string, binding: Binding): () => void;
  SESSION_VALIDITY_MS: number;
}

const require = createRequire(import.meta.url);
const sessions = require('cognito-local/lib/services/challengeSessions.js') as ChallengeSessions;

const at = (ms: number): Clock => ({ get: () => new Date(ms) });
const START = Date.UTC(2026, 0, 1);
const alice: Binding = { username: 'alice', clientId: 'web', challengeName: 'NEW_PASSWORD_REQUIRED' };
const INVALID = { code: 'NotAuthorizedException', message: 'Invalid session for the user.' };

describe('challenge sessions of the patched emulator', () => {
  it('expire after 3 minutes, as Cognito’s default AuthSessionValidity: valid until then, refused at the limit', () => {
    expect(sessions.SESSION_VALIDITY_MS).toBe(3 * 60 * 1000);
    const lastMoment = sessions.issueChallengeSession(at(START), alice);
    expect(() => sessions.takeChallengeSession(at(START + sessions.SESSION_VALIDITY_MS - 1), lastMoment, alice)).not.toThrow();

    const late = sessions.issueChallengeSession(at(START), alice);
    expect(() => sessions.takeChallengeSession(at(START + sessions.SESSION_VALIDITY_MS), late, alice)).toThrow(
      expect.objectContaining({ code: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' }),
    );
    // And an expired session is gone, not waiting to be refused again as expired.
    expect(() => sessions.takeChallengeSession(at(START), late, alice)).toThrow(expect.objectContaining({ message: INVALID.message }));
  });

  it('answer only the user, client and challenge they were issued for, and are used once', () => {
    const session = sessions.issueChallengeSession(at(START), alice);
    for (const other of [
      { ...alice, username: 'bob' },
      { ...alice, clientId: 'other-client' },
      { ...alice, challengeName: 'SOFTWARE_TOKEN_MFA' },
    ]) {
      expect(() => sessions.takeChallengeSession(at(START), session, other)).toThrow(expect.objectContaining({ message: INVALID.message }));
    }
    // A mismatched use did not spend it: the session is still alice's to use, once.
    sessions.takeChallengeSession(at(START), session, alice);
    expect(() => sessions.takeChallengeSession(at(START), session, alice)).toThrow(expect.objectContaining({ message: INVALID.message }));
    expect(() => sessions.takeChallengeSession(at(START), 'x'.repeat(36), alice)).toThrow(
      expect.objectContaining({ code: INVALID.code, message: INVALID.message }),
    );
  });

  it('a session put back after a wrong answer can be used again; each issue is a new, unguessable session', () => {
    const session = sessions.issueChallengeSession(at(START), alice);
    const putBack = sessions.takeChallengeSession(at(START), session, alice);
    putBack();
    expect(() => sessions.takeChallengeSession(at(START), session, alice)).not.toThrow();

    const issued = new Set(Array.from({ length: 50 }, () => sessions.issueChallengeSession(at(START), alice)));
    expect(issued.size).toBe(50);
    for (const s of issued) expect(s).toMatch(/^[\w-]{64}$/);
  });
});
