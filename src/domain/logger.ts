export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Console logger with a level threshold; the same interface graphql-yoga accepts as `logging`. */
export function createLogger(level: LogLevel, sink: Pick<Console, LogLevel> = console): Logger {
  const at =
    (target: LogLevel) =>
    (...args: unknown[]) => {
      if (order[target] >= order[level]) sink[target](...args);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
