import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CognitoClientOptions {
  region: string;
  endpoint?: string;
  /** Omitted: the AWS default credential provider chain. */
  credentials?: StaticCredentials;
  /** SDK attempts per call. 1 by default: retries are the call path's (one mechanism, paced). */
  maxAttempts?: number;
}

/** Credentials cognito-local accepts; it checks no signature. */
export const localCredentials: StaticCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Where the call path puts a call's AbortSignal on clients made here: on the command's input
 * (a symbol key, so nothing serializes it), which the SDK hands to every middleware.
 */
export const CALL_SIGNAL = Symbol('cognitoCallSignal');

const signalCarriers = new WeakSet<CognitoIdentityProviderClient>();

/** Whether this client takes each call's AbortSignal on the input (see createCognitoClient). */
export function takesSignalOnInput(client: CognitoIdentityProviderClient): boolean {
  return signalCarriers.has(client);
}

/**
 * The SDK resolves its middleware stack anew on every call (0.15 ms each, a fifth of its time
 * before the request leaves) unless `cacheMiddleware` is on, and it is on only for calls sent
 * without options, so `send(command, { abortSignal })` cannot have it. These clients take the
 * signal on the input instead: the innermost middleware hands the signed request to the HTTP
 * handler itself, with the signal, just as the SDK's last step would.
 */
export function createCognitoClient(options: CognitoClientOptions): CognitoIdentityProviderClient {
  const client = new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 1,
    cacheMiddleware: true,
  });
  type Middleware = Parameters<typeof client.middlewareStack.add>[0];
  const handOverWithSignal: Middleware = (next) => (args) => {
    const signal = (args.input as { [CALL_SIGNAL]?: AbortSignal })[CALL_SIGNAL];
    if (!signal) return next(args);
    return client.config.requestHandler.handle(args.request as never, { abortSignal: signal }) as ReturnType<typeof next>;
  };
  client.middlewareStack.add(handOverWithSignal, { step: 'deserialize', priority: 'low', name: 'cognitoCallSignal' });
  signalCarriers.add(client);
  return client;
}
