import {
  CreateManagedLoginBrandingCommand,
  CreateTermsCommand,
  DeleteManagedLoginBrandingCommand,
  DeleteTermsCommand,
  DescribeManagedLoginBrandingByClientCommand,
  DescribeManagedLoginBrandingCommand,
  DescribeTermsByClientCommand,
  DescribeTermsCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUICustomizationCommand,
  ListTermsCommand,
  SetUICustomizationCommand,
  UpdateManagedLoginBrandingCommand,
  UpdateTermsCommand,
  type CreateManagedLoginBrandingResponse,
  type CreateTermsResponse,
  type DescribeManagedLoginBrandingResponse,
  type DescribeTermsResponse,
  type GetUICustomizationResponse,
  type ManagedLoginBrandingType,
  type SetUICustomizationResponse,
  type TermsDescriptionType,
  type TermsType,
  type UpdateManagedLoginBrandingResponse,
  type UpdateTermsResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config';
import { pagedList, range, scriptedGateway, cognitoException } from '../support/scripted-cognito';

/**
 * Managed login branding, the classic hosted UI's customization and terms documents over a
 * scripted SDK: cognito-local 5.3.0 implements none of them. Every scripted answer is typed with
 * the SDK's own response types; each test asserts the exact input the gateway sent.
 */

const POOL = 'eu-west-1_Brand1';
const CLIENT_ID = '6br4ndc1ient0000000000000a';
const BRANDING_ID = '6a1b2c3d-0000-4000-8000-000000000001';
const termsId = (i: number) => `7a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')}`;
const at = (i: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, i));

type Scripted = ReturnType<typeof scriptedGateway>;

/** The pool and its client exist: `userPool(...)` and `client(...)` read them first. */
function scriptPoolAndClient(scripted: Scripted): void {
  scripted.cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'brand' } });
  scripted.cognito
    .on(DescribeUserPoolClientCommand)
    .resolves({ UserPoolClient: { UserPoolId: POOL, ClientId: CLIENT_ID, ClientName: 'web' } });
}

/** The commands sent, by name, in order (reads of the pool and client left out). */
function sentCommands(scripted: Scripted): string[] {
  return scripted.cognito
    .calls()
    .map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''))
    .filter((name) => !['DescribeUserPool', 'DescribeUserPoolClient'].includes(name));
}

/** The inputs sent with one command, in order, typed as the command's. */
function inputsOf<Input>(scripted: Scripted, command: new (...args: never[]) => { readonly input: Input }): Input[] {
  return scripted.cognito.commandCalls(command as never).map((call) => (call.args[0] as unknown as { input: Input }).input);
}

const png = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = i % 251;
  return bytes;
};
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// ---------------------------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------------------------

function summary(i: number): TermsDescriptionType {
  return {
    TermsId: termsId(i),
    TermsName: i % 2 === 0 ? 'terms-of-use' : 'privacy-policy',
    Enforcement: 'NONE',
    CreationDate: at(i),
    LastModifiedDate: at(i + 1),
  };
}

function fullTerms(i: number, links: Record<string, string> = { 'cognito:default': `https://example.com/${i}` }): TermsType {
  return { ...summary(i), UserPoolId: POOL, ClientId: CLIENT_ID, TermsSource: 'LINK', Links: links };
}

describe('userPool.terms: ListTerms through the one pagination helper', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(ListTermsCommand).callsFake(
      pagedList({
        pages: [{ items: range(0, 60).map(summary), next: 'T1' }, { items: range(60, 63).map(summary) }],
        tokenField: 'NextToken',
        sizeField: 'MaxResults',
        itemsField: 'Terms',
      }),
    );
  });

  const query = `query ($first: Int, $after: String) { userPool(userPoolId: "${POOL}") {
    terms(first: $first, after: $after) { edges { node { termsId name enforcement createdAt lastModifiedAt } } pageInfo { hasNextPage endCursor } } } }`;
  const page = (token?: string) => ({ UserPoolId: POOL, MaxResults: 60, ...(token ? { NextToken: token } : {}) });

  it('reads across pages with MaxResults 60 and NextToken, summaries mapped, no DescribeTerms when nothing more is asked', async () => {
    const result = await scripted.query(query, { first: 63 });
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data!['userPool'].terms;
    expect(edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      range(0, 63).map((i) => ({
        termsId: termsId(i),
        name: i % 2 === 0 ? 'terms-of-use' : 'privacy-policy',
        enforcement: 'NONE',
        createdAt: at(i).toISOString(),
        lastModifiedAt: at(i + 1).toISOString(),
      })),
    );
    expect(pageInfo.hasNextPage).toBe(false);
    expect(inputsOf(scripted, ListTermsCommand)).toEqual([page(), page('T1')]);
    expect(sentCommands(scripted)).toEqual(['ListTerms', 'ListTerms']);
  });

  it('resumes after a cursor inside the first page, on to the second', async () => {
    const first = await scripted.query(query, { first: 59 });
    const second = await scripted.query(query, { first: 10, after: first.data!['userPool'].terms.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    expect(second.data!['userPool'].terms.edges.map((edge: { node: { termsId: string } }) => edge.node.termsId)).toEqual(
      range(59, 63).map(termsId),
    );
    expect(inputsOf(scripted, ListTermsCommand)).toEqual([page(), page(), page('T1')]);
  });

  it('a listed summary reads its client, source and links with one DescribeTerms each, and links both ways', async () => {
    scripted.cognito.on(DescribeTermsCommand).callsFake((input: { TermsId: string }) => {
      const i = Number(input.TermsId.slice(-12));
      const answer: DescribeTermsResponse = {
        Terms: fullTerms(i, { 'cognito:default': `https://example.com/${i}`, 'cognito:spanish': `https://example.com/es/${i}` }),
      };
      return answer;
    });
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { terms(first: 2) { edges { node {
      termsId source clientId links { language url } client { clientId } pool { userPoolId } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool'].terms.edges.map((edge: { node: unknown }) => edge.node)).toEqual(
      [0, 1].map((i) => ({
        termsId: termsId(i),
        source: 'LINK',
        clientId: CLIENT_ID,
        links: [
          { language: 'cognito:default', url: `https://example.com/${i}` },
          { language: 'cognito:spanish', url: `https://example.com/es/${i}` },
        ],
        client: { clientId: CLIENT_ID },
        pool: { userPoolId: POOL },
      })),
    );
    // One DescribeTerms per terms documents, however many of their fields are asked for.
    expect(inputsOf(scripted, DescribeTermsCommand)).toEqual([
      { UserPoolId: POOL, TermsId: termsId(0) },
      { UserPoolId: POOL, TermsId: termsId(1) },
    ]);
  });
});

describe('client.terms and userPool.termsById', () => {
  it('client.terms(name:) is DescribeTermsByClient with Cognito’s name of the kind', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(DescribeTermsByClientCommand).resolves({ Terms: fullTerms(4) });
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { client(clientId: "${CLIENT_ID}") {
      terms(name: PRIVACY_POLICY) { termsId links { language url } pool { userPoolId } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool'].client.terms).toEqual({
      termsId: termsId(4),
      links: [{ language: 'cognito:default', url: 'https://example.com/4' }],
      pool: { userPoolId: POOL },
    });
    expect(inputsOf(scripted, DescribeTermsByClientCommand)).toEqual([
      { UserPoolId: POOL, ClientId: CLIENT_ID, TermsName: 'privacy-policy' },
    ]);
    expect(sentCommands(scripted)).toEqual(['DescribeTermsByClient']);
  });

  it('a client without terms, and an id naming none, are null without an error', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(DescribeTermsByClientCommand).rejects(cognitoException('ResourceNotFoundException'));
    scripted.cognito.on(DescribeTermsCommand).rejects(cognitoException('ResourceNotFoundException'));
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { termsById(termsId: "${termsId(9)}") { termsId }
      client(clientId: "${CLIENT_ID}") { terms(name: TERMS_OF_USE) { termsId } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool']).toEqual({ termsById: null, client: { terms: null } });
  });

  it('a termsId of the wrong shape is refused before any call', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { termsById(termsId: "not-a-uuid") { termsId } } }`);
    expect(result.errors?.map((error) => [error.extensions?.['code'], error.extensions?.['field']])).toEqual([
      ['BAD_USER_INPUT', 'termsId'],
    ]);
    expect(sentCommands(scripted)).toEqual([]);
  });
});

const CREATE_TERMS = `mutation ($input: CreateTermsInput!) { createTerms(input: $input) { __typename
  ... on CreateTermsPayload { terms { termsId name links { language url } client { clientId } } }
  ... on InvalidInputError { field reason } ... on CognitoError { code } } }`;
const UPDATE_TERMS = `mutation ($input: UpdateTermsInput!) { updateTerms(input: $input) { __typename
  ... on UpdateTermsPayload { terms { termsId name links { language url } } }
  ... on InvalidInputError { field reason } ... on CognitoError { code } } }`;
const DELETE_TERMS = `mutation ($input: DeleteTermsInput!) { deleteTerms(input: $input) { __typename
  ... on DeleteTermsPayload { deletedTermsId pool { userPoolId } } ... on CognitoError { code } } }`;

describe('terms mutations', () => {
  it('createTerms sends the kind, LINK, NONE and the links by language', async () => {
    const scripted = scriptedGateway();
    const answer: CreateTermsResponse = {
      Terms: fullTerms(2, { 'cognito:default': 'https://example.com/terms', 'cognito:french': 'https://example.com/fr/terms' }),
    };
    scripted.cognito.on(CreateTermsCommand).resolves(answer);
    const result = await scripted.query(CREATE_TERMS, {
      input: {
        userPoolId: POOL,
        clientId: CLIENT_ID,
        name: 'TERMS_OF_USE',
        links: [
          { language: 'DEFAULT', url: 'https://example.com/terms' },
          { language: 'FRENCH', url: 'https://example.com/fr/terms' },
        ],
      },
    });
    expect(result.data!['createTerms']).toEqual({
      __typename: 'CreateTermsPayload',
      terms: {
        termsId: termsId(2),
        name: 'terms-of-use',
        links: [
          { language: 'cognito:default', url: 'https://example.com/terms' },
          { language: 'cognito:french', url: 'https://example.com/fr/terms' },
        ],
        client: { clientId: CLIENT_ID },
      },
    });
    expect(inputsOf(scripted, CreateTermsCommand)).toEqual([
      {
        UserPoolId: POOL,
        ClientId: CLIENT_ID,
        TermsName: 'terms-of-use',
        TermsSource: 'LINK',
        Enforcement: 'NONE',
        Links: { 'cognito:default': 'https://example.com/terms', 'cognito:french': 'https://example.com/fr/terms' },
      },
    ]);
  });

  it.each([
    [{ links: [] }, 'input.links'],
    [
      {
        links: [
          { language: 'DEFAULT', url: 'https://example.com/a' },
          { language: 'DEFAULT', url: 'https://example.com/b' },
        ],
      },
      'input.links[1].language',
    ],
    [{ links: [{ language: 'DEFAULT', url: 'https://example.com/with space' }] }, 'input.links[0].url'],
    [{ clientId: 'not a client id' }, 'input.clientId'],
  ])('createTerms refuses %j before any call', async (change, field) => {
    const scripted = scriptedGateway();
    const input = {
      userPoolId: POOL,
      clientId: CLIENT_ID,
      name: 'TERMS_OF_USE',
      links: [{ language: 'DEFAULT', url: 'https://example.com/t' }],
      ...change,
    };
    const result = await scripted.query(CREATE_TERMS, { input });
    expect(result.data!['createTerms']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(sentCommands(scripted)).toEqual([]);
  });

  it('updateTerms reads the terms and sends them back with the changes on top, links merged by language', async () => {
    const scripted = scriptedGateway();
    const current: DescribeTermsResponse = {
      Terms: fullTerms(3, {
        'cognito:default': 'https://example.com/old',
        'cognito:french': 'https://example.com/fr',
        'cognito:german': 'https://example.com/de',
      }),
    };
    scripted.cognito.on(DescribeTermsCommand).resolves(current);
    const answer: UpdateTermsResponse = {
      Terms: fullTerms(3, {
        'cognito:default': 'https://example.com/new',
        'cognito:german': 'https://example.com/de',
        'cognito:spanish': 'https://example.com/es',
      }),
    };
    scripted.cognito.on(UpdateTermsCommand).resolves(answer);
    const result = await scripted.query(UPDATE_TERMS, {
      input: {
        userPoolId: POOL,
        termsId: termsId(3),
        links: [
          { language: 'DEFAULT', url: 'https://example.com/new' },
          { language: 'SPANISH', url: 'https://example.com/es' },
        ],
        removeLanguages: ['FRENCH'],
      },
    });
    expect(result.data!['updateTerms'].__typename).toBe('UpdateTermsPayload');
    expect(sentCommands(scripted)).toEqual(['DescribeTerms', 'UpdateTerms']);
    expect(inputsOf(scripted, UpdateTermsCommand)).toEqual([
      {
        UserPoolId: POOL,
        TermsId: termsId(3),
        // Not named in the input: kept as they were.
        TermsName: 'privacy-policy',
        TermsSource: 'LINK',
        Enforcement: 'NONE',
        Links: {
          'cognito:default': 'https://example.com/new',
          'cognito:german': 'https://example.com/de',
          'cognito:spanish': 'https://example.com/es',
        },
      },
    ]);
  });

  it('updateTerms refuses to remove the last link, after reading, without updating', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(DescribeTermsCommand).resolves({ Terms: fullTerms(3) });
    const result = await scripted.query(UPDATE_TERMS, { input: { userPoolId: POOL, termsId: termsId(3), removeLanguages: ['DEFAULT'] } });
    expect(result.data!['updateTerms']).toMatchObject({ __typename: 'InvalidInputError', field: 'input.removeLanguages' });
    expect(sentCommands(scripted)).toEqual(['DescribeTerms']);
  });

  it('deleteTerms sends the pool and id, and answers the deleted id', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(DeleteTermsCommand).resolves({});
    const result = await scripted.query(DELETE_TERMS, { input: { userPoolId: POOL, termsId: termsId(5) } });
    expect(result.data!['deleteTerms']).toEqual({
      __typename: 'DeleteTermsPayload',
      deletedTermsId: termsId(5),
      pool: { userPoolId: POOL },
    });
    expect(inputsOf(scripted, DeleteTermsCommand)).toEqual([{ UserPoolId: POOL, TermsId: termsId(5) }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Managed login branding
// ---------------------------------------------------------------------------------------------

const logo = png(300);
const background = png(500);

function branding(overrides: Partial<ManagedLoginBrandingType> = {}): ManagedLoginBrandingType {
  return {
    ManagedLoginBrandingId: BRANDING_ID,
    UserPoolId: POOL,
    UseCognitoProvidedValues: false,
    Settings: {
      components: { primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff' } } } },
      categories: { form: { displayGraphics: true } },
    },
    Assets: [
      { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: logo },
      { Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', Extension: 'PNG', Bytes: background },
    ],
    CreationDate: at(1),
    LastModifiedDate: at(2),
    ...overrides,
  };
}

const BRANDING_FIELDS = `managedLoginBrandingId userPoolId useCognitoProvidedValues settings createdAt lastModifiedAt
  assets { category colorMode extension size }`;

describe('reading branding styles', () => {
  it('client.managedLoginBranding passes returnMergedResources and maps the style; image bytes only when selected', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    const answer: DescribeManagedLoginBrandingResponse = { ManagedLoginBranding: branding() };
    scripted.cognito.on(DescribeManagedLoginBrandingByClientCommand).resolves(answer);
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { client(clientId: "${CLIENT_ID}") {
      managedLoginBranding(returnMergedResources: true) { ${BRANDING_FIELDS} pool { userPoolId } } } } }`);
    expect(result.errors).toBeUndefined();
    const style = result.data!['userPool'].client.managedLoginBranding;
    expect(style).toEqual({
      managedLoginBrandingId: BRANDING_ID,
      userPoolId: POOL,
      useCognitoProvidedValues: false,
      settings: branding().Settings,
      createdAt: at(1).toISOString(),
      lastModifiedAt: at(2).toISOString(),
      assets: [
        { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', size: 300 },
        { category: 'PAGE_BACKGROUND', colorMode: 'DARK', extension: 'PNG', size: 500 },
      ],
      pool: { userPoolId: POOL },
    });
    expect(JSON.stringify(result)).not.toContain(base64(logo).slice(0, 40));
    expect(inputsOf(scripted, DescribeManagedLoginBrandingByClientCommand)).toEqual([
      { UserPoolId: POOL, ClientId: CLIENT_ID, ReturnMergedResources: true },
    ]);
  });

  it('userPool.managedLoginBranding(id:) is DescribeManagedLoginBranding; bytes are base64 when asked for', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(DescribeManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: branding() });
    const result = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { managedLoginBranding(id: "${BRANDING_ID}") { assets { category bytes } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool'].managedLoginBranding.assets).toEqual([
      { category: 'FORM_LOGO', bytes: base64(logo) },
      { category: 'PAGE_BACKGROUND', bytes: base64(background) },
    ]);
    expect(inputsOf(scripted, DescribeManagedLoginBrandingCommand)).toEqual([{ UserPoolId: POOL, ManagedLoginBrandingId: BRANDING_ID }]);
  });

  it('a client without a style is null without an error', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(DescribeManagedLoginBrandingByClientCommand).rejects(cognitoException('ResourceNotFoundException'));
    const result = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { client(clientId: "${CLIENT_ID}") { managedLoginBranding { managedLoginBrandingId } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool'].client.managedLoginBranding).toBeNull();
  });
});

const CREATE_BRANDING = `mutation ($input: CreateManagedLoginBrandingInput!) { createManagedLoginBranding(input: $input) { __typename
  ... on CreateManagedLoginBrandingPayload { managedLoginBranding { managedLoginBrandingId } }
  ... on InvalidInputError { field reason } ... on CognitoError { code } } }`;
const UPDATE_BRANDING = `mutation ($input: UpdateManagedLoginBrandingInput!) { updateManagedLoginBranding(input: $input) { __typename
  ... on UpdateManagedLoginBrandingPayload { managedLoginBranding { managedLoginBrandingId assets { category colorMode } } }
  ... on InvalidInputError { field reason } ... on CognitoError { code } } }`;

describe('branding mutations', () => {
  it('createManagedLoginBranding sends the settings document and the images decoded', async () => {
    const scripted = scriptedGateway();
    const answer: CreateManagedLoginBrandingResponse = { ManagedLoginBranding: branding() };
    scripted.cognito.on(CreateManagedLoginBrandingCommand).resolves(answer);
    const settings = { categories: { global: { colorSchemeMode: 'DARK' } } };
    const result = await scripted.query(CREATE_BRANDING, {
      input: {
        userPoolId: POOL,
        clientId: CLIENT_ID,
        settings,
        assets: [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: base64(logo) }],
      },
    });
    expect(result.data!['createManagedLoginBranding']).toEqual({
      __typename: 'CreateManagedLoginBrandingPayload',
      managedLoginBranding: { managedLoginBrandingId: BRANDING_ID },
    });
    const [sent] = inputsOf(scripted, CreateManagedLoginBrandingCommand);
    expect(sent).toEqual({
      UserPoolId: POOL,
      ClientId: CLIENT_ID,
      Settings: settings,
      Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: expect.any(Uint8Array) }],
    });
    expect(Buffer.from(sent!.Assets![0]!.Bytes!).equals(Buffer.from(logo))).toBe(true);
  });

  it.each([
    [{ useCognitoProvidedValues: true, settings: { a: 1 } }, 'input.settings'],
    [{ assets: [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: 'not base64!' }] }, 'input.assets[0].bytes'],
    [
      {
        assets: [
          { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: base64(logo) },
          { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'SVG', bytes: base64(logo) },
        ],
      },
      'input.assets[1]',
    ],
  ])('createManagedLoginBranding refuses %j before any call', async (change, field) => {
    const scripted = scriptedGateway();
    const result = await scripted.query(CREATE_BRANDING, { input: { userPoolId: POOL, clientId: CLIENT_ID, ...change } });
    expect(result.data!['createManagedLoginBranding']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(sentCommands(scripted)).toEqual([]);
  });

  it('an image over Cognito’s 1,000,000 bytes is refused before any call, naming the image and the limit', async () => {
    // A body limit that lets the image arrive: with the default MAX_BODY_BYTES (1 MiB) its base64 would not.
    const scripted = scriptedGateway({ limits: { ...loadConfig({}).limits, bodyBytes: 3_000_000 } });
    const result = await scripted.query(CREATE_BRANDING, {
      input: {
        userPoolId: POOL,
        clientId: CLIENT_ID,
        assets: [{ category: 'PAGE_BACKGROUND', colorMode: 'DYNAMIC', extension: 'PNG', bytes: base64(png(1_000_001)) }],
      },
    });
    expect(result.data!['createManagedLoginBranding']).toMatchObject({
      __typename: 'InvalidInputError',
      field: 'input.assets[0].bytes',
      reason: 'is 1000001 bytes; Cognito takes at most 1000000 bytes for this image',
    });
    expect(sentCommands(scripted)).toEqual([]);
  });

  it('a body over MAX_BODY_BYTES is refused with 413 before it is read, before any call', async () => {
    const scripted = scriptedGateway({ limits: { ...loadConfig({}).limits, bodyBytes: 100_000 } });
    const body = JSON.stringify({
      query: CREATE_BRANDING,
      variables: {
        input: {
          userPoolId: POOL,
          clientId: CLIENT_ID,
          assets: [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: base64(png(90_000)) }],
        },
      },
    });
    const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'x-service-key': 'test-service-key',
      },
      body,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'REQUEST_TOO_LARGE',
    );
    expect(sentCommands(scripted)).toEqual([]);
  });

  it('updateManagedLoginBranding reads the style as stored and sends it back: settings patched, images replaced, kept and removed', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(DescribeManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: branding() });
    const newLogo = png(400);
    const answer: UpdateManagedLoginBrandingResponse = { ManagedLoginBranding: branding() };
    scripted.cognito.on(UpdateManagedLoginBrandingCommand).resolves(answer);
    const result = await scripted.query(UPDATE_BRANDING, {
      input: {
        userPoolId: POOL,
        managedLoginBrandingId: BRANDING_ID,
        settings: {
          components: { primaryButton: { lightMode: { defaults: { backgroundColor: 'ff0000ff' } } } },
          categories: { form: null },
        },
        assets: [
          { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: base64(newLogo) },
          { category: 'FAVICON_ICO', colorMode: 'DYNAMIC', extension: 'ICO', bytes: base64(png(50)) },
        ],
        removeAssets: [{ category: 'PAGE_BACKGROUND', colorMode: 'DARK' }],
      },
    });
    expect(result.data!['updateManagedLoginBranding'].__typename).toBe('UpdateManagedLoginBrandingPayload');
    expect(sentCommands(scripted)).toEqual(['DescribeManagedLoginBranding', 'UpdateManagedLoginBranding']);
    expect(inputsOf(scripted, DescribeManagedLoginBrandingCommand)).toEqual([
      { UserPoolId: POOL, ManagedLoginBrandingId: BRANDING_ID, ReturnMergedResources: false },
    ]);
    const [sent] = inputsOf(scripted, UpdateManagedLoginBrandingCommand);
    expect(sent).toMatchObject({
      UserPoolId: POOL,
      ManagedLoginBrandingId: BRANDING_ID,
      UseCognitoProvidedValues: false,
      Settings: { components: { primaryButton: { lightMode: { defaults: { backgroundColor: 'ff0000ff' } } } }, categories: {} },
    });
    expect(sent!.Assets!.map((asset) => [asset.Category, asset.ColorMode, asset.Bytes!.byteLength])).toEqual([
      ['FORM_LOGO', 'LIGHT', 400],
      ['FAVICON_ICO', 'DYNAMIC', 50],
    ]);
  });

  it('updateManagedLoginBranding with only new images keeps the stored settings and the other images', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(DescribeManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: branding() });
    scripted.cognito.on(UpdateManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: branding() });
    await scripted.query(UPDATE_BRANDING, {
      input: {
        userPoolId: POOL,
        managedLoginBrandingId: BRANDING_ID,
        assets: [{ category: 'FORM_LOGO', colorMode: 'DARK', extension: 'PNG', bytes: base64(png(60)) }],
      },
    });
    const [sent] = inputsOf(scripted, UpdateManagedLoginBrandingCommand);
    expect(sent!.Settings).toEqual(branding().Settings);
    expect(sent!.Assets!.map((asset) => `${asset.Category}/${asset.ColorMode}`)).toEqual([
      'FORM_LOGO/LIGHT',
      'PAGE_BACKGROUND/DARK',
      'FORM_LOGO/DARK',
    ]);
  });

  it('updateManagedLoginBranding choosing Cognito’s own values sends only that, without reading', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(UpdateManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: branding({ UseCognitoProvidedValues: true }) });
    await scripted.query(UPDATE_BRANDING, {
      input: { userPoolId: POOL, managedLoginBrandingId: BRANDING_ID, useCognitoProvidedValues: true },
    });
    expect(sentCommands(scripted)).toEqual(['UpdateManagedLoginBranding']);
    expect(inputsOf(scripted, UpdateManagedLoginBrandingCommand)).toEqual([
      { UserPoolId: POOL, ManagedLoginBrandingId: BRANDING_ID, UseCognitoProvidedValues: true },
    ]);
  });

  it('an update that would take the style over Cognito’s 2 MB request limit is refused after the read, before the update', async () => {
    const scripted = scriptedGateway();
    const big = png(700_000);
    scripted.cognito.on(DescribeManagedLoginBrandingCommand).resolves({
      ManagedLoginBranding: branding({
        Assets: [
          { Category: 'PAGE_BACKGROUND', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: big },
          { Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', Extension: 'PNG', Bytes: big },
        ],
      }),
    });
    const result = await scripted.query(UPDATE_BRANDING, {
      input: {
        userPoolId: POOL,
        managedLoginBrandingId: BRANDING_ID,
        assets: [{ category: 'FORM_BACKGROUND', colorMode: 'LIGHT', extension: 'PNG', bytes: base64(png(300_000)) }],
      },
    });
    expect(result.data!['updateManagedLoginBranding']).toMatchObject({ __typename: 'InvalidInputError', field: 'input.assets' });
    expect(result.data!['updateManagedLoginBranding'].reason).toMatch(/over Cognito's 2000000-byte request limit/);
    expect(sentCommands(scripted)).toEqual(['DescribeManagedLoginBranding']);
  });

  it('deleteManagedLoginBranding sends the pool and id', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(DeleteManagedLoginBrandingCommand).resolves({});
    const result = await scripted.query(
      `mutation { deleteManagedLoginBranding(input: { userPoolId: "${POOL}", managedLoginBrandingId: "${BRANDING_ID}" }) {
        ... on DeleteManagedLoginBrandingPayload { deletedManagedLoginBrandingId } } }`,
    );
    expect(result.data!['deleteManagedLoginBranding']).toEqual({ deletedManagedLoginBrandingId: BRANDING_ID });
    expect(inputsOf(scripted, DeleteManagedLoginBrandingCommand)).toEqual([{ UserPoolId: POOL, ManagedLoginBrandingId: BRANDING_ID }]);
  });
});

// ---------------------------------------------------------------------------------------------
// The classic hosted UI
// ---------------------------------------------------------------------------------------------

const IMAGE_URL = `https://d3oia8etllorh5.cloudfront.net/${POOL}/ALL/20250101000000/assets/images/image.png`;
const CSS = '.banner-customizable { background-color: #0972d3; }';
const currentLogo = png(2_000);

function customization(
  clientId: string,
  overrides: Partial<NonNullable<GetUICustomizationResponse['UICustomization']>> = {},
): GetUICustomizationResponse {
  return {
    UICustomization: {
      UserPoolId: POOL,
      ClientId: clientId,
      CSS,
      CSSVersion: '20250101',
      ImageUrl: IMAGE_URL,
      CreationDate: at(1),
      LastModifiedDate: at(2),
      ...overrides,
    },
  };
}

const SET_UI = `mutation ($input: SetUICustomizationInput!) { setUICustomization(input: $input) { __typename
  ... on SetUICustomizationPayload { uiCustomization { clientId css } }
  ... on InvalidInputError { field reason } ... on CognitoError { code message } } }`;

describe('the classic hosted UI', () => {
  const fetched: string[] = [];
  beforeEach(() => {
    fetched.length = 0;
    // Cognito's CDN is not reachable from the tests: the read-back of the current logo is answered here.
    vi.stubGlobal('fetch', async (url: URL | string) => {
      fetched.push(String(url));
      return new Response(currentLogo, { status: 200, headers: { 'content-type': 'image/png' } });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('userPool.uiCustomization is the pool’s (ClientId ALL); client.uiCustomization falls back to it as Cognito answers', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(GetUICustomizationCommand).resolves(customization('ALL'));
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") {
      uiCustomization { userPoolId clientId css cssVersion imageUrl createdAt lastModifiedAt }
      client(clientId: "${CLIENT_ID}") { uiCustomization { clientId css } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool']).toEqual({
      uiCustomization: {
        userPoolId: POOL,
        clientId: null,
        css: CSS,
        cssVersion: '20250101',
        imageUrl: IMAGE_URL,
        createdAt: at(1).toISOString(),
        lastModifiedAt: at(2).toISOString(),
      },
      client: { uiCustomization: { clientId: null, css: CSS } },
    });
    expect(inputsOf(scripted, GetUICustomizationCommand)).toEqual([
      { UserPoolId: POOL, ClientId: 'ALL' },
      { UserPoolId: POOL, ClientId: CLIENT_ID },
    ]);
  });

  it('a client with settings of its own shows its id', async () => {
    const scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(GetUICustomizationCommand).resolves(customization(CLIENT_ID));
    const result = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { client(clientId: "${CLIENT_ID}") { uiCustomization { clientId } } } }`,
    );
    expect(result.data!['userPool'].client.uiCustomization).toEqual({ clientId: CLIENT_ID });
  });

  it('setting only the logo keeps the current CSS (read first)', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(GetUICustomizationCommand).resolves(customization(CLIENT_ID));
    const answer: SetUICustomizationResponse = customization(CLIENT_ID);
    scripted.cognito.on(SetUICustomizationCommand).resolves(answer);
    const newLogo = png(1_000);
    const result = await scripted.query(SET_UI, { input: { userPoolId: POOL, clientId: CLIENT_ID, imageFile: base64(newLogo) } });
    expect(result.data!['setUICustomization']).toEqual({
      __typename: 'SetUICustomizationPayload',
      uiCustomization: { clientId: CLIENT_ID, css: CSS },
    });
    expect(sentCommands(scripted)).toEqual(['GetUICustomization', 'SetUICustomization']);
    const [sent] = inputsOf(scripted, SetUICustomizationCommand);
    expect(sent).toEqual({ UserPoolId: POOL, ClientId: CLIENT_ID, CSS, ImageFile: expect.any(Uint8Array) });
    expect(Buffer.from(sent!.ImageFile!).equals(Buffer.from(newLogo))).toBe(true);
    expect(fetched).toEqual([]);
  });

  it('setting only the CSS of the pool keeps the current logo, read back from Cognito’s CDN', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(GetUICustomizationCommand).resolves(customization('ALL'));
    scripted.cognito.on(SetUICustomizationCommand).resolves(customization('ALL'));
    const css = '.submitButton-customizable { background-color: #123456; }';
    await scripted.query(SET_UI, { input: { userPoolId: POOL, css } });
    expect(fetched).toEqual([IMAGE_URL]);
    const [sent] = inputsOf(scripted, SetUICustomizationCommand);
    expect(sent).toEqual({ UserPoolId: POOL, ClientId: 'ALL', CSS: css, ImageFile: expect.any(Uint8Array) });
    expect(Buffer.from(sent!.ImageFile!).equals(Buffer.from(currentLogo))).toBe(true);
  });

  it('a logo URL off Cognito’s CDN is never fetched: the answer asks for the logo, and nothing is set', async () => {
    const scripted = scriptedGateway();
    scripted.cognito
      .on(GetUICustomizationCommand)
      .resolves(customization('ALL', { ImageUrl: 'http://169.254.169.254/latest/meta-data/image.png' }));
    const result = await scripted.query(SET_UI, { input: { userPoolId: POOL, css: CSS } });
    expect(result.data!['setUICustomization']).toMatchObject({ __typename: 'InvalidInputError', field: 'input.imageFile' });
    expect(result.data!['setUICustomization'].reason).toMatch(/not on Cognito’s CDN.*send it again, or removeImage: true/);
    expect(fetched).toEqual([]);
    expect(sentCommands(scripted)).toEqual(['GetUICustomization']);
  });

  it('removeImage drops the logo on purpose (nothing fetched); both CSS and logo given need no read', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(GetUICustomizationCommand).resolves(customization('ALL'));
    scripted.cognito.on(SetUICustomizationCommand).resolves(customization('ALL'));
    await scripted.query(SET_UI, { input: { userPoolId: POOL, removeImage: true } });
    await scripted.query(SET_UI, { input: { userPoolId: POOL, css: CSS, imageFile: base64(png(100)) } });
    expect(fetched).toEqual([]);
    expect(sentCommands(scripted)).toEqual(['GetUICustomization', 'SetUICustomization', 'SetUICustomization']);
    expect(inputsOf(scripted, SetUICustomizationCommand)[0]).toEqual({ UserPoolId: POOL, ClientId: 'ALL', CSS });
  });

  it.each([
    [{ imageFile: base64(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) }, 'input.imageFile', 'must be a PNG or JPEG image'],
    [{ imageFile: base64(png(100 * 1024 + 1)) }, 'input.imageFile', 'is 102401 bytes; Cognito takes at most 102400 bytes for this image'],
    [{ css: 'x'.repeat(131_073) }, 'input.css', 'must be at most 131072 characters'],
    [{ css: CSS, removeCss: true }, 'input.removeCss', 'cannot be given with input.css'],
  ])('setUICustomization refuses %# before any call', async (change, field, reason) => {
    const scripted = scriptedGateway();
    const result = await scripted.query(SET_UI, { input: { userPoolId: POOL, ...change } });
    expect(result.data!['setUICustomization']).toMatchObject({ __typename: 'InvalidInputError', field, reason });
    expect(sentCommands(scripted)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every exception each operation documents (its Command's @throws), and the code it is answered with
// ---------------------------------------------------------------------------------------------

const codeOf: Record<string, string> = {
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InvalidParameterException: 'BAD_USER_INPUT',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  OperationNotEnabledException: 'OPERATION_NOT_ENABLED',
  ResourceNotFoundException: 'NOT_FOUND',
  TooManyRequestsException: 'THROTTLED',
  ConcurrentModificationException: 'CONCURRENT_MODIFICATION',
  LimitExceededException: 'LIMIT_EXCEEDED',
  ManagedLoginBrandingExistsException: 'MANAGED_LOGIN_BRANDING_EXISTS',
  TermsExistsException: 'TERMS_EXISTS',
};
const common = [
  'InternalErrorException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
  'TooManyRequestsException',
];

interface Case {
  command: new (...args: never[]) => unknown;
  exceptions: string[];
  query: string;
  variables?: Record<string, unknown>;
  /** Where the answer's code is: a mutation's typed result, or the errors of a read. */
  field: string;
  /** Reads answer "not found" as null, without an error. */
  notFoundIsNull?: boolean;
  /** Scripts what the operation needs before it (an update's read). */
  before?: (scripted: Scripted) => void;
}

const pool = (selection: string) => `{ userPool(userPoolId: "${POOL}") { ${selection} } }`;
const client = (selection: string) => pool(`client(clientId: "${CLIENT_ID}") { ${selection} }`);
const typed = (name: string, input: string) => `mutation { ${name}(input: ${input}) { __typename ... on CognitoError { code } } }`;

const cases: Record<string, Case> = {
  CreateManagedLoginBranding: {
    command: CreateManagedLoginBrandingCommand,
    exceptions: [...common, 'ConcurrentModificationException', 'LimitExceededException', 'ManagedLoginBrandingExistsException'],
    query: typed('createManagedLoginBranding', `{ userPoolId: "${POOL}", clientId: "${CLIENT_ID}", useCognitoProvidedValues: true }`),
    field: 'createManagedLoginBranding',
  },
  DescribeManagedLoginBranding: {
    command: DescribeManagedLoginBrandingCommand,
    exceptions: common,
    query: pool(`managedLoginBranding(id: "${BRANDING_ID}") { managedLoginBrandingId }`),
    field: 'userPool',
    notFoundIsNull: true,
  },
  DescribeManagedLoginBrandingByClient: {
    command: DescribeManagedLoginBrandingByClientCommand,
    exceptions: common,
    query: client('managedLoginBranding { managedLoginBrandingId }'),
    field: 'userPool',
    notFoundIsNull: true,
  },
  UpdateManagedLoginBranding: {
    command: UpdateManagedLoginBrandingCommand,
    exceptions: [...common, 'ConcurrentModificationException'],
    query: typed('updateManagedLoginBranding', `{ userPoolId: "${POOL}", managedLoginBrandingId: "${BRANDING_ID}", settings: { a: 1 } }`),
    field: 'updateManagedLoginBranding',
    before: (scripted) => scripted.cognito.on(DescribeManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: branding() }),
  },
  DeleteManagedLoginBranding: {
    command: DeleteManagedLoginBrandingCommand,
    exceptions: [...common, 'ConcurrentModificationException'],
    query: typed('deleteManagedLoginBranding', `{ userPoolId: "${POOL}", managedLoginBrandingId: "${BRANDING_ID}" }`),
    field: 'deleteManagedLoginBranding',
  },
  GetUICustomization: {
    command: GetUICustomizationCommand,
    exceptions: common,
    query: pool('uiCustomization { css }'),
    field: 'userPool',
  },
  SetUICustomization: {
    command: SetUICustomizationCommand,
    exceptions: common,
    query: typed('setUICustomization', `{ userPoolId: "${POOL}", css: "${CSS}", removeImage: true }`),
    field: 'setUICustomization',
  },
  CreateTerms: {
    command: CreateTermsCommand,
    exceptions: [...common, 'ConcurrentModificationException', 'LimitExceededException', 'TermsExistsException'],
    query: typed(
      'createTerms',
      `{ userPoolId: "${POOL}", clientId: "${CLIENT_ID}", name: TERMS_OF_USE, links: [{ language: DEFAULT, url: "https://example.com/t" }] }`,
    ),
    field: 'createTerms',
  },
  DescribeTerms: {
    command: DescribeTermsCommand,
    exceptions: common,
    query: pool(`termsById(termsId: "${termsId(1)}") { termsId }`),
    field: 'userPool',
    notFoundIsNull: true,
  },
  DescribeTermsByClient: {
    command: DescribeTermsByClientCommand,
    exceptions: common,
    query: client('terms(name: TERMS_OF_USE) { termsId }'),
    field: 'userPool',
    notFoundIsNull: true,
  },
  UpdateTerms: {
    command: UpdateTermsCommand,
    exceptions: [...common, 'ConcurrentModificationException', 'TermsExistsException'],
    query: typed('updateTerms', `{ userPoolId: "${POOL}", termsId: "${termsId(1)}", name: PRIVACY_POLICY }`),
    field: 'updateTerms',
    before: (scripted) => scripted.cognito.on(DescribeTermsCommand).resolves({ Terms: fullTerms(1) }),
  },
  DeleteTerms: {
    command: DeleteTermsCommand,
    exceptions: [...common, 'ConcurrentModificationException'],
    query: typed('deleteTerms', `{ userPoolId: "${POOL}", termsId: "${termsId(1)}" }`),
    field: 'deleteTerms',
  },
  ListTerms: {
    command: ListTermsCommand,
    exceptions: common,
    query: pool('terms(first: 1) { edges { node { termsId } } }'),
    field: 'userPool',
  },
};

describe.each(Object.entries(cases))('%s: every documented exception maps to its code', (_, spec) => {
  it.each(spec.exceptions)('%s', async (exception) => {
    // One attempt, and a short deadline for a throttled call's wait: what is asserted is the mapping, not the retry policy.
    const scripted = scriptedGateway({ maxAttempts: 1, requestTimeoutMs: 300 });
    scriptPoolAndClient(scripted);
    spec.before?.(scripted);
    scripted.cognito.on(spec.command as never).rejects(cognitoException(exception));
    const result = await scripted.query(spec.query, spec.variables);
    const answer = result.data?.[spec.field] as { code?: string } | null | undefined;
    const codes = answer?.code ? [answer.code] : (result.errors ?? []).map((error) => error.extensions?.['code']);
    const expected = spec.notFoundIsNull && exception === 'ResourceNotFoundException' ? [] : [codeOf[exception]];
    expect(codes, JSON.stringify(result)).toEqual(expected);
  });
});
