import { isAbsolute, join, relative } from 'node:path';

/**
 * What a start of the embedded emulator that failed says: one line with the emulator's own
 * message, the file it names, and what to do. The emulator prints a multi-line error with a stack
 * trace; only its message is kept.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The message of the first error the emulator logged, without its logger's decorations. */
export function emulatorErrorMessage(lines: readonly string[]): string | undefined {
  for (const raw of lines) {
    const line = raw.replace(ANSI, '');
    // pino-pretty's line: `[time] ERROR: <request id> <target> <message>`, both NONE at start-up.
    const found = /\bERROR: (?:NONE NONE )?(.+)$/.exec(line);
    if (found?.[1]) return found[1].trim();
  }
  return undefined;
}

/** `dir` as the operator typed it or close to it: relative to the working directory when inside it. */
export function displayPath(dir: string): string {
  const fromHere = relative(process.cwd(), dir);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : dir;
}

/** The one line for an emulator that exited with `code` before it answered. */
export function failedStartLine(lines: readonly string[], code: number, dataDir: string): string {
  const message = emulatorErrorMessage(lines);
  const where = displayPath(dataDir);
  // The emulator names its files relative to its working directory, the data folder.
  const located = message
    ?.replace(/(^|\s)(\.cognito\/\S+\.json)/g, (_, space: string, file: string) => `${space}${join(where, file)}`)
    .replace(/\.$/, '');
  if (located && /StormDB database file/.test(located)) {
    return (
      `The embedded emulator cannot read its data: ${located}. Nothing was changed: run \`npm run demo:reset\` to put ` +
      `the data in ${where} aside (kept, not deleted) and seed the demo afresh.`
    );
  }
  return (
    `The embedded emulator (cognito-local) stopped with code ${code} before it was ready: ${located ?? 'it printed no error'} ` +
    `(data in ${where}). If the data is damaged, \`npm run demo:reset\` puts it aside (kept, not deleted) and seeds the demo afresh.`
  );
}
