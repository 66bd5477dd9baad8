/**
 * Environment → typed, validated configuration. Every bad variable is reported by name with what
 * is expected, all at once, so an operator fixes them in one go.
 */
export type CognitoTarget =
  | { kind: 'embedded'; dataDir: string; port: number }
  | { kind: 'aws'; region: string; endpoint?: string };

export interface GatewayConfig {
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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
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

  const config: GatewayConfig = {
    host: read.string('HOST') ?? 'localhost',
    port: read.integer('PORT', 4000, 0, 65535),
    cognito,
    maxConnectionSize: read.integer('MAX_CONNECTION_SIZE', 1000, 1, 10_000),
    debug: read.boolean('GATEWAY_DEBUG', false),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    cursorSecret: read.string('CURSOR_SECRET') ?? DEFAULT_CURSOR_SECRET,
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
