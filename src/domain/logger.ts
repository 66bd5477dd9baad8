import { inspect } from 'node:util';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** `json`: one JSON object a line, for log collectors (production's default); `text`: for people (the demo's). */
export type LogFormat = 'json' | 'text';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface LoggerOptions {
  format?: LogFormat;
  /** Fields every JSON line of the current request carries (its `requestId`); none outside a request. */
  context?: () => Readonly<Record<string, string>> | undefined;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * The one logger: a level threshold over a console-like sink, as text or as JSON lines. The same
 * interface graphql-yoga accepts as `logging`. A JSON line is `{time, level, msg, ...context}`, with
 * `err` ({name, message, code, stack}) for an Error: never the error's other members, which for
 * an SDK error include the request and response.
 */
export function createLogger(level: LogLevel, sink: Pick<Console, LogLevel> = console, options: LoggerOptions = {}): Logger {
  const format = options.format ?? 'text';
  const at =
    (target: LogLevel) =>
    (...args: unknown[]) => {
      if (order[target] < order[level]) return;
      if (format === 'text') {
        sink[target](...args);
        return;
      }
      sink[target](jsonLine(target, args, options.context?.()));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function jsonLine(level: LogLevel, args: unknown[], context: Readonly<Record<string, string>> | undefined): string {
  const words: string[] = [];
  let err: Record<string, unknown> | undefined;
  for (const arg of args) {
    if (typeof arg === 'string') words.push(arg);
    else if (arg instanceof Error && !err) err = errorFields(arg);
    else words.push(inspect(arg, { depth: 4, breakLength: Infinity }));
  }
  return JSON.stringify({ time: new Date().toISOString(), level, msg: words.join(' '), ...context, ...(err ? { err } : {}) });
}

function errorFields(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
