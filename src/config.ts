import { randomBytes } from 'node:crypto';
import proxyAddr from 'proxy-addr';
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

/**
 * The proxies in front of the gateway, trusted to append the address they received a request from
 * to X-Forwarded-For: the client is the right-most address that did not come from one of them.
 * `hops`: that many proxies, whatever their addresses; `addresses`: proxies at these addresses or
 * ranges (proxy-addr's notation: an address, a CIDR range, `loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustedProxies = { hops: number } | { addresses: string[] };

/** Shortest CURSOR_SECRET accepted: `openssl rand -hex 32` gives 64 characters. */
export const MIN_CURSOR_SECRET_LENGTH = 32;

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
  /** JSON lines (production's default) or text (the demo's). */
  logFormat: 'json' | 'text';
  /** The operators' listener (/health, /ready, /metrics): off unless OPS_PORT is set; loopback unless OPS_HOST says otherwise. */
  ops: { host: string; port?: number };
  /** OpenTelemetry traces, exported over OTLP/HTTP when an OTLP endpoint is set (the exporter reads the OTEL_* variables). */
  otel: { endpoint?: string; serviceName: string };
  /** Key that signs pagination cursors so a tampered cursor is recognised; generated at start when unset. */
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
  /**
   * How long an access token's administrator rights, once confirmed with Cognito, are trusted
   * before they are confirmed again; 0 confirms them on every request.
   */
  authRecheckSeconds: number;
  graphiql: boolean;
  introspection: boolean;
  corsOrigins: string[];
  /** Public sign-up/sign-in calls per client address per minute. */
  publicFlowRateLimit: number;
  /** Public sign-up/sign-in calls per username (of a pool) per minute, from every address together. */
  publicFlowRateLimitPerUsername: number;
  /** Public flows answer an unknown user as a wrong password or a code sent, as Cognito's PreventUserExistenceErrors. */
  preventUserExistenceErrors: boolean;
  /** Proxies trusted to say the client address in X-Forwarded-For; none by default. */
  trustProxy: TrustedProxies;
  /** Cognito calls per caller per minute: self-service (by sub or address) and administrators (by sub or service key). */
  callerLimits: { selfServicePerMinute: number; adminPerMinute: number };
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
  /**
   * Where replicas share their quota budget, learned rates, rate limits and description cache
   * (`redis://` or `rediss://`); unset, each process keeps them to itself.
   */
  redisUrl?: string;
  /** Replicas sharing REDIS_URL: while the store is unreachable each runs on 1/replicas of every limit. */
  replicas: number;
  /** How long slow clients may hold a connection, and how many connections are open at most. */
  http: HttpLimits;
  /** What an operator should know about the settings at start (logged as warnings, not refused). */
  warnings: string[];
}

export interface HttpLimits {
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are closed as they arrive. */
  maxConnections: number;
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
export const DEFAULT_COGNITO_LOCAL_DATA_DIR = '.cognito-local';

export function loadConfig(env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
  const read = new EnvReader(env, problems, warnings);

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
          dataDir: read.string('COGNITO_LOCAL_DATA_DIR') ?? DEFAULT_COGNITO_LOCAL_DATA_DIR,
          port: read.integer('COGNITO_LOCAL_PORT', 0, 0, 65535),
        };

  const mode = cognito.kind === 'embedded' ? 'demo' : 'production';
  const authDisabled = read.boolean('AUTH_DISABLED', false);
  if (authDisabled && mode !== 'demo') {
    problems.push('AUTH_DISABLED: may only be true with the embedded local Cognito, never against real AWS or another endpoint');
  }
  const issuerBase = read.url('COGNITO_ISSUER_BASE');
  const redisUrl = read.redisUrl('REDIS_URL');
  const config: GatewayConfig = {
    mode,
    host: read.string('HOST') ?? 'localhost',
    port: read.integer('PORT', 4000, 0, 65535),
    cognito,
    maxConnectionSize: read.integer('MAX_CONNECTION_SIZE', 1000, 1, 10_000),
    debug: read.boolean('GATEWAY_DEBUG', false),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: read.oneOf('LOG_FORMAT', ['json', 'text'] as const, mode === 'demo' ? 'text' : 'json'),
    ops: {
      host: read.string('OPS_HOST') ?? '127.0.0.1',
      ...(read.string('OPS_PORT') !== undefined ? { port: read.integer('OPS_PORT', 0, 0, 65535) } : {}),
    },
    otel: {
      ...optional('endpoint', read.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? read.url('OTEL_EXPORTER_OTLP_ENDPOINT')),
      serviceName: read.string('OTEL_SERVICE_NAME') ?? 'cognito-graphql-gateway',
    },
    cursorSecret: read.cursorSecret('CURSOR_SECRET', mode),
    appClients: read.appClients('COGNITO_APP_CLIENTS'),
    ...(issuerBase ? { issuerBase } : {}),
    ...(read.string('ADMIN_GROUP') ? { adminGroup: read.string('ADMIN_GROUP') } : {}),
    serviceKeys: read.list('SERVICE_API_KEYS').filter((key) => {
      if (key.length >= 32) return true;
      problems.push('SERVICE_API_KEYS: every key must be at least 32 characters long');
      return false;
    }),
    authDisabled,
    authRecheckSeconds: read.integer('AUTH_RECHECK_SECONDS', 60, 0, 3600),
    graphiql: read.boolean('GRAPHIQL', mode === 'demo'),
    introspection: read.boolean('INTROSPECTION', mode === 'demo'),
    corsOrigins: read.list('CORS_ORIGINS'),
    publicFlowRateLimit: read.integer('PUBLIC_FLOW_RATE_LIMIT', 20, 1, 100_000),
    publicFlowRateLimitPerUsername: read.integer('PUBLIC_FLOW_RATE_LIMIT_PER_USERNAME', 10, 1, 100_000),
    preventUserExistenceErrors: read.boolean('PREVENT_USER_EXISTENCE_ERRORS', true),
    trustProxy: read.trustedProxies('TRUST_PROXY'),
    callerLimits: {
      selfServicePerMinute: read.integer('SELF_SERVICE_CALL_LIMIT', 30, 1, 1_000_000),
      adminPerMinute: read.integer('ADMIN_CALL_LIMIT', 3_000, 1, 10_000_000),
    },
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
    ...(redisUrl ? { redisUrl } : {}),
    replicas: read.integer('GATEWAY_REPLICAS', 1, 1, 1000),
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
    http: {
      headersTimeoutMs: read.integer('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      requestTimeoutMs: read.integer('HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
      keepAliveTimeoutMs: read.integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
      maxConnections: read.integer('HTTP_MAX_CONNECTIONS', 1_000, 1, 1_000_000),
    },
    warnings,
  };
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
    private readonly warnings: string[],
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

  /**
   * A secret of at least MIN_CURSOR_SECRET_LENGTH characters; unset, one made for this process, so
   * no cursor is ever signed with a key anyone can read. Cursors then end with the process and are
   * refused by other replicas, which production is warned about (demo mode has one process).
   */
  cursorSecret(name: string, mode: GatewayConfig['mode']): string {
    const raw = this.string(name);
    const howToMake = 'make one with `openssl rand -hex 32`';
    if (raw === undefined) {
      if (mode === 'production') {
        this.warnings.push(
          `${name} is unset: cursors are signed with a key made at this start, so they stop working when the gateway restarts and are refused by other replicas; ${howToMake} and give every replica the same value.`,
        );
      }
      return randomBytes(32).toString('hex');
    }
    if (raw.length < MIN_CURSOR_SECRET_LENGTH) {
      this.problems.push(`${name}: is ${raw.length} characters long; it must be at least ${MIN_CURSOR_SECRET_LENGTH} (${howToMake})`);
    }
    return raw;
  }

  /** A number of proxies, or their addresses and ranges; `true` (the old boolean) counts as one. */
  trustedProxies(name: string): TrustedProxies {
    const raw = this.string(name);
    if (raw === undefined || ['false', 'no', 'off'].includes(raw.toLowerCase())) return { hops: 0 };
    if (['true', 'yes', 'on'].includes(raw.toLowerCase())) {
      this.warnings.push(
        `${name}=${raw} is read as one proxy in front of the gateway: the client address is the right-most X-Forwarded-For entry. Set the number of proxies (e.g. ${name}=2) or their addresses (e.g. ${name}=10.0.0.0/8) to say so explicitly.`,
      );
      return { hops: 1 };
    }
    if (/^\d+$/.test(raw)) return { hops: this.integer(name, 0, 0, 10) };
    const addresses = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    for (const address of addresses) {
      try {
        proxyAddr.compile(address);
      } catch {
        this.problems.push(
          `${name}: "${address}" is not a number of proxies (0 to 10), an IP address, a CIDR range, or one of loopback, linklocal, uniquelocal`,
        );
        return { hops: 0 };
      }
    }
    return { addresses };
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

  /** A Redis URL; its password, if any, is never repeated in the message. */
  redisUrl(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'redis:' || url.protocol === 'rediss:') return raw;
      this.problems.push(`${name}: "${url.protocol}" is not a Redis URL scheme (use redis:// or rediss://)`);
    } catch {
      this.problems.push(`${name}: is not a URL (expected redis://host:port or rediss://host:port)`);
    }
    return undefined;
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
