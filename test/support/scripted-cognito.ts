import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  type GroupType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { createGateway, type GatewayOptions } from '../../src/http/yoga';
import { asService, postQuery, TEST_SERVICE_KEY } from './gateway';

/**
 * A real SDK client whose commands answer from a script (aws-sdk-client-mock), for what
 * cognito-local cannot do: it ignores page sizes and tokens, so multi-page lists, short and
 * empty pages exist only here. Shapes follow the AWS API reference.
 */
export function scriptedGateway(options: Partial<GatewayOptions> = {}) {
  const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const cognito = mockClient(client);
  const gateway = createGateway({ client, debug: true, serviceKeys: [TEST_SERVICE_KEY], ...options });
  return {
    client,
    cognito,
    gateway,
    query: <Data = Record<string, any>>(q: string, v?: Record<string, unknown>) => postQuery<Data>(gateway, q, v, asService),
  };
}

export interface ScriptedPage<Item> {
  items: Item[];
  /** Token Cognito hands out with this page; absent on the last one. */
  next?: string;
}

/**
 * Serves a list as Cognito does: the request's token picks the page. Pages are scripted for
 * `pageSize` items per request; a request with another size fails the test, since Cognito would
 * then cut its pages differently.
 */
export function pagedList<Item>(options: {
  pages: ScriptedPage<Item>[];
  tokenField: 'NextToken' | 'PaginationToken';
  sizeField: 'Limit' | 'MaxResults';
  itemsField: string;
  pageSize?: number;
}) {
  const byToken = new Map<string | undefined, ScriptedPage<Item>>();
  options.pages.forEach((page, index) => byToken.set(index === 0 ? undefined : options.pages[index - 1]?.next, page));
  return (input: Record<string, unknown>) => {
    const expectedSize = options.pageSize ?? 60;
    if (input[options.sizeField] !== expectedSize) {
      throw new Error(`scripted list asked for ${options.sizeField}=${String(input[options.sizeField])}, expected ${expectedSize}`);
    }
    const token = input[options.tokenField] as string | undefined;
    const page = byToken.get(token);
    if (!page) throw Object.assign(new Error('Invalid token'), { name: 'InvalidParameterException' });
    return { [options.itemsField]: page.items, ...(page.next ? { [options.tokenField]: page.next } : {}) };
  };
}

export function scriptedUser(index: number): UserType {
  const username = `user${String(index).padStart(3, '0')}`;
  return {
    Username: username,
    Attributes: [
      { Name: 'sub', Value: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` },
      { Name: 'email', Value: `${username}@example.com` },
      { Name: 'email_verified', Value: 'true' },
    ],
    UserCreateDate: new Date(Date.UTC(2024, 0, 1, 0, 0, index)),
    UserLastModifiedDate: new Date(Date.UTC(2024, 0, 2, 0, 0, index)),
    Enabled: index % 10 !== 0,
    UserStatus: 'CONFIRMED',
  };
}

export function scriptedGroup(userPoolId: string, name: string): GroupType {
  return {
    GroupName: name,
    UserPoolId: userPoolId,
    Description: `The ${name} group`,
    Precedence: 10,
    CreationDate: new Date(Date.UTC(2024, 0, 1)),
    LastModifiedDate: new Date(Date.UTC(2024, 0, 1)),
  };
}

export const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** A Cognito exception as the SDK throws it for an error answer: its name, and a 5xx a server fault. */
export function cognitoException(name: string, status = 400): CognitoIdentityProviderServiceException {
  return new CognitoIdentityProviderServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    message: `Cognito says ${name}.`,
    $metadata: { httpStatusCode: status },
  });
}

/** The SDK's own class for an exception of that name (a test naming one the SDK lacks fails). */
export function sdkException(name: string): Error {
  const Exception = (sdk as unknown as Record<string, new (options: { message: string; $metadata: object }) => Error>)[name];
  if (!Exception) throw new Error(`the SDK has no ${name}`);
  return new Exception({ message: `scripted ${name}`, $metadata: {} });
}
