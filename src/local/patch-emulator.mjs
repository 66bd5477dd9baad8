/**
 * npm's `postinstall`: applies patches/ to the embedded emulator with patch-package (the patch
 * makes cognito-local's saves atomic, and makes it check sign-in challenge sessions as Cognito does;
 * see README, "The embedded emulator and AWS"). The emulator
 * and patch-package are development dependencies: an install without them (`npm ci --omit=dev`)
 * has nothing to patch and succeeds. With them, a patch that no longer applies fails the install.
 *
 * Plain JavaScript run by Node alone: a production install has no TypeScript runner (tsx is a
 * development dependency), and npm runs this script there too.
 */
// @ts-check
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** @param {string} name @returns {string | undefined} */
function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

if (packageDir('cognito-local') === undefined) {
  console.log('postinstall: the embedded emulator (cognito-local) is not installed (dev dependencies omitted): nothing to patch');
  process.exit(0);
}
const patchPackage = packageDir('patch-package');
if (patchPackage === undefined) {
  console.error('postinstall: cognito-local is installed but patch-package is not, so its patch cannot be applied: run npm install');
  process.exit(1);
}
// --error-on-warn: a patch made for another version of the package counts as a failure, to be remade.
const result = spawnSync(process.execPath, [join(patchPackage, 'index.js'), '--error-on-fail', '--error-on-warn'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
