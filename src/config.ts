import type { QuotaRates } from './cognito/pacing';
import { quotaCategories } from './cognito/quotas';
/**
 * Environment → typed, validated configuration. Every bad variable is reported by name with what
 * is expected, all at once, so an operator fixes them in one go.
 */
export type CognitoTarget = { kind: 'embedded'; dataDir: string; port: number } | { kind: 'aws'; region: string; endpoint?: string };

export interface AppClientConfig {
  userPoolId: string;
  clientId: string;
  /** Kept server-side: the gateway computes SECRET_HASH so the secret never reaches a browser. */
  clientSecret?: string;
}

export interface QueryLimits {
  depth: number;
  aliases: number;
  tokens: number;
  directives: number;
  complexity: number;
  /** Operations in one batched HTTP request. */
  batch: number;
  /** Largest request body, in bytes. */
  bodyBytes: number;
  /** Cognito calls one HTTP request may make, across all the operations of a batch. */
  callsPerRequest: number;
}

export interface GatewayConfig {
  /** `demo` with the embedded local Cognito, `production` otherwise; sets the defaults below. */
  mode: 'demo' | 'production';
  host: string;
  port: number;
  cognito: CognitoTarget;
  /** Largest `first` a connection accepts; larger asks are refused with a clear error. */
  maxConnectionSize: number;
  /** Adds the per-request Cognito call log to response `extensions`. */
  debug: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Key that signs pagination cursors so a tampered cursor is recognised. */
  cursorSecret: string;
  /** App clients whose sign-in flows and tokens the gateway serves (embedded mode adds the demo's). */
  appClients: AppClientConfig[];
  /** Where tokens' issuers live: `<issuerBase>/<userPoolId>`; derived from the target when unset. */
  issuerBase?: string;
  /**
   * Members of this group are administrators: `<userPoolId>:<group>`, or a bare group name when the
   * gateway serves app clients of one pool only (a group name alone would be ambiguous across pools).
   */
  adminGroup?: string;
  /** Secrets machine callers (a supergraph router) present in `X-Service-Key`. */
  serviceKeys: string[];
  /** Embedded demo only: every caller is an administrator. */
  authDisabled: boolean;
  graphiql: boolean;
  introspection: boolean;
  corsOrigins: string[];
  /** Public sign-up/sign-in calls per client address per minute. */
  publicFlowRateLimit: number;
  /** Cognito calls per caller per minute: self-service (by sub or address) and administrators (by sub or service key). */
  callerLimits: { selfServicePerMinute: number; adminPerMinute: number };
  /** Take the client address from X-Forwarded-For (only behind a proxy you control). */
  trustProxy: boolean;
  limits: QueryLimits;
  /** Pools where federation finds a User known only by `sub`; default: the served clients' pools. */
  federationUserPools: string[];
  /** Pacing of Cognito calls by quota category; rates override AWS's defaults. */
  quotas: { enabled: boolean; rates: QuotaRates };
  /** Faults in a row that open the circuit, and how long it stays open. */
  breaker: { threshold: number; cooldownMs: number };
  /** Attempts per Cognito call (retries of throttling, and of faults on reads). */
  maxAttempts: number;
  attemptTimeoutMs: number;
  requestTimeoutMs: number;
  /** Pool, client and group descriptions kept across requests for this long; 0 (default) keeps none. */
  descriptionCacheTtlMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A problem found while starting (a busy port, missing credentials), said in one line with what to do. */
export class StartupProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupProblem';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;
export const DEFAULT_CURSOR_SECRET = 'cognito-graphql-gateway:cursor:v1';

export function loadConfig(env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const region = read.string('COGNITO_REGION') ?? read.string('AWS_REGION') ?? read.string('AWS_DEFAULT_REGION');
  const endpoint = read.url('COGNITO_ENDPOINT');
  if (region !== undefined && !REGION_PATTERN.test(region) && endpoint === undefined) {
    problems.push(`COGNITO_REGION/AWS_REGION: "${region}" is not an AWS Region name such as eu-west-1`);
  }

  const cognito: CognitoTarget =
    region !== undefined || endpoint !== undefined
      ? { kind: 'aws', region: region ?? 'us-east-1', ...(endpoint ? { endpoint } : {}) }
      : {
          kind: 'embedded',
          dataDir: read.string('COGNITO_LOCAL_DATA_DIR') ?? '.cognito-local',
          port: read.integer('COGNITO_LOCAL_PORT', 0, 0, 65535),
        };

  const mode = cognito.kind === 'embedded' ? 'demo' : 'production';
  const authDisabled = read.boolean('AUTH_DISABLED', false);
  if (authDisabled && mode !== 'demo') {
    problems.push('AUTH_DISABLED: may only be true with the embedded local Cognito, never against real AWS or another endpoint');
  }
  const issuerBase = read.url('COGNITO_ISSUER_BASE');
  const config: GatewayConfig = {
    mode,
    host: read.string('HOST') ?? 'localhost',
    port: read.integer('PORT', 4000, 0, 65535),
    cognito,
    maxConnectionSize: read.integer('MAX_CONNECTION_SIZE', 1000, 1, 10_000),
    debug: read.boolean('GATEWAY_DEBUG', false),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    cursorSecret: read.string('CURSOR_SECRET') ?? DEFAULT_CURSOR_SECRET,
    appClients: read.appClients('COGNITO_APP_CLIENTS'),
    ...(issuerBase ? { issuerBase } : {}),
    ...(read.string('ADMIN_GROUP') ? { adminGroup: read.string('ADMIN_GROUP') } : {}),
    serviceKeys: read.list('SERVICE_API_KEYS').filter((key) => {
      if (key.length >= 32) return true;
      problems.push('SERVICE_API_KEYS: every key must be at least 32 characters long');
      return false;
    }),
    authDisabled,
    graphiql: read.boolean('GRAPHIQL', mode === 'demo'),
    introspection: read.boolean('INTROSPECTION', mode === 'demo'),
    corsOrigins: read.list('CORS_ORIGINS'),
    publicFlowRateLimit: read.integer('PUBLIC_FLOW_RATE_LIMIT', 20, 1, 100_000),
    callerLimits: {
      selfServicePerMinute: read.integer('SELF_SERVICE_CALL_LIMIT', 30, 1, 1_000_000),
      adminPerMinute: read.integer('ADMIN_CALL_LIMIT', 3_000, 1, 10_000_000),
    },
    trustProxy: read.boolean('TRUST_PROXY', false),
    federationUserPools: read.list('FEDERATION_USER_POOLS'),
    quotas: read.quotas('COGNITO_QUOTAS'),
    breaker: {
      threshold: read.integer('CIRCUIT_BREAKER_THRESHOLD', 5, 1, 1000),
      cooldownMs: read.integer('CIRCUIT_BREAKER_COOLDOWN_MS', 5_000, 100, 600_000),
    },
    maxAttempts: read.integer('COGNITO_MAX_ATTEMPTS', 4, 1, 10),
    attemptTimeoutMs: read.integer('COGNITO_CALL_TIMEOUT_MS', 5_000, 50, 120_000),
    requestTimeoutMs: read.integer('REQUEST_TIMEOUT_MS', 15_000, 100, 600_000),
    descriptionCacheTtlMs: read.integer('DESCRIPTION_CACHE_TTL_MS', 0, 0, 3_600_000),
    limits: {
      depth: read.integer('MAX_DEPTH', 16, 1, 100),
      aliases: read.integer('MAX_ALIASES', 30, 1, 1000),
      tokens: read.integer('MAX_TOKENS', 5000, 100, 100_000),
      directives: read.integer('MAX_DIRECTIVES', 10, 1, 1000),
      complexity: read.integer('MAX_COMPLEXITY', 25_000, 10, 10_000_000),
      batch: read.integer('BATCH_LIMIT', 10, 1, 100),
      bodyBytes: read.integer('MAX_BODY_BYTES', 1_048_576, 1024, 100_000_000),
      callsPerRequest: read.integer('MAX_CALLS_PER_REQUEST', 500, 1, 100_000),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name}: "${raw}" is not a boolean (use true or false)`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}: "${raw}" is not one of ${allowed.join(', ')}`);
    return fallback;
  }

  /** `off`, or `Category=rate,...` overriding AWS's default rates (see src/cognito/quotas.ts). */
  quotas(name: string): { enabled: boolean; rates: QuotaRates } {
    const raw = this.string(name);
    if (raw === undefined) return { enabled: true, rates: {} };
    if (raw.toLowerCase() === 'off') return { enabled: false, rates: {} };
    const rates: QuotaRates = {};
    for (const entry of raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const [category, value] = entry.split('=').map((part) => part.trim());
      const rate = Number(value);
      if (!category || !(category in quotaCategories) || !Number.isFinite(rate) || rate <= 0) {
        this.problems.push(
          `${name}: "${entry}" is not <category>=<requests per second> with a category of ${Object.keys(quotaCategories).join(', ')}, or "off"`,
        );
        continue;
      }
      rates[category as keyof QuotaRates] = rate;
    }
    return { enabled: true, rates };
  }

  list(name: string): string[] {
    return (this.string(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  /** `[{"userPoolId": "...", "clientId": "...", "clientSecret": "..."}]` */
  appClients(name: string): AppClientConfig[] {
    const raw = this.string(name);
    if (raw === undefined) return [];
    const expected = 'a JSON array of {"userPoolId", "clientId", optional "clientSecret"}';
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      this.problems.push(`${name}: is not JSON; expected ${expected}`);
      return [];
    }
    const isClient = (value: unknown): value is AppClientConfig => {
      const v = value as Record<string, unknown>;
      return (
        typeof v === 'object' &&
        v !== null &&
        typeof v['userPoolId'] === 'string' &&
        typeof v['clientId'] === 'string' &&
        (v['clientSecret'] === undefined || typeof v['clientSecret'] === 'string')
      );
    };
    if (!Array.isArray(parsed) || !parsed.every(isClient)) {
      this.problems.push(`${name}: expected ${expected}`);
      return [];
    }
    return parsed.map(({ userPoolId, clientId, clientSecret }) => ({ userPoolId, clientId, ...(clientSecret ? { clientSecret } : {}) }));
  }

  url(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return raw.replace(/\/$/, '');
    } catch {
      // reported below
    }
    this.problems.push(`${name}: "${raw}" is not an http(s) URL`);
    return undefined;
  }
}
