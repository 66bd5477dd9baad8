import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Where cognito-local answers differently from Cognito, adapted in this one place, on the SDK client
 * of the embedded emulator only (nothing above the client knows). The README's list of emulator
 * differences names each one, and which are left as they are.
 *
 * - ListUsers' `status` filter: Cognito takes `status = "Enabled"` or `"Disabled"`; the emulator
 *   compares the user's enabled flag as text, `"true"` or `"false"`.
 */
const statusFilter = /^status = "(Enabled|Disabled)"$/;

export function adaptToEmulator(client: CognitoIdentityProviderClient): CognitoIdentityProviderClient {
  client.middlewareStack.add(
    (next, context) => (args) => {
      const input = args.input as { Filter?: unknown };
      const match = context.commandName === 'ListUsersCommand' && typeof input.Filter === 'string' ? statusFilter.exec(input.Filter) : null;
      if (!match) return next(args);
      return next({ ...args, input: { ...input, Filter: `status = "${match[1] === 'Enabled' ? 'true' : 'false'}"` } as typeof args.input });
    },
    { step: 'initialize', name: 'cognitoLocalQuirks' },
  );
  return client;
}
