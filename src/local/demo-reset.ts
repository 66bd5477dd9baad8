/**
 * `npm run demo:reset`: starts the demo over. Moves everything in the emulator's data folder
 * (COGNITO_LOCAL_DATA_DIR, `.cognito-local` by default) into `reset-<time>/` inside it, never
 * deleting anything, so that the next `npm start` seeds the demo afresh. Run it with the gateway
 * stopped.
 */
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_COGNITO_LOCAL_DATA_DIR } from '../config';
import { displayPath } from './emulator-failure';

/** Folders earlier resets made: they stay where they are. */
const SET_ASIDE = /^reset-/;

/** Moves the data aside; returns what to tell the operator. */
async function resetDemoData(dataDirSetting: string, now: Date): Promise<string> {
  const dataDir = resolve(dataDirSetting);
  const entries = await readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const data = entries.filter((name) => !SET_ASIDE.test(name));
  if (data.length === 0) {
    return `No demo data in ${displayPath(dataDir)}: the next npm start seeds the demo.`;
  }
  // ISO time without the colons some file systems refuse.
  const movedTo = join(dataDir, `reset-${now.toISOString().replace(/:/g, '-')}`);
  await mkdir(movedTo);
  for (const name of data) await rename(join(dataDir, name), join(movedTo, name));
  return `Moved the demo data in ${displayPath(dataDir)} to ${displayPath(movedTo)} (kept, not deleted): the next npm start seeds the demo afresh.`;
}

// The same setting the gateway reads (see src/config.ts), without validating the others.
const dataDir = process.env['COGNITO_LOCAL_DATA_DIR']?.trim() || DEFAULT_COGNITO_LOCAL_DATA_DIR;
resetDemoData(dataDir, new Date()).then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(`demo:reset: could not move the demo data in ${dataDir} aside: ${(error as Error).message}`);
    process.exit(1);
  },
);
