/**
 * The root fields anyone may call: the sign-up, sign-in and password recovery flows, and the two
 * that a refresh token alone proves (getTokensFromRefreshToken, revokeToken). Written out
 * The root fields anyone may call: the sign-up, sign-in and password recovery flows, and feedback on
 * an auth event with the token of Cognito's notification email. Written out
 * here, not read from the schema, so that the tests notice a field joining or leaving the list.
 */
export const PUBLIC_FLOWS: ReadonlySet<string> = new Set([
  'signUp',
  'confirmSignUp',
  'resendConfirmationCode',
  'initiateAuth',
  'respondToAuthChallenge',
  'forgotPassword',
  'confirmForgotPassword',
  // MFA set-up inside sign-in (issue 16): public with the challenge's session, else for the signed-in user
  'associateSoftwareToken',
  'verifySoftwareToken',
  'getTokensFromRefreshToken',
  'revokeToken',
  // The feedback link of Cognito's risk notification emails carries its own token (issue 16).
  'updateAuthEventFeedback',
]);
