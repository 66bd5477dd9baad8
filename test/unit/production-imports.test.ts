import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What `src/main.ts` loads before it knows whether it runs against AWS: only production
 * dependencies, and none of the embedded emulator's code, which it loads (dynamically) only in
 * embedded mode. A production install (`npm ci --omit=dev`) lacks the emulator; the slow proof is
 * test/integration/production-install.test.ts, this one names the file that broke the rule.
 */
const srcDir = fileURLToPath(new URL('../../src', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(srcDir, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Imports that run at load time: not `import type`, not `import(...)`. */
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every file of src/ and every package loaded with `entry`, following static imports only. */
function loadedWith(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = (match[1] ?? match[2])!;
      if (!specifier.startsWith('.')) {
        packages.add(packageName(specifier));
        continue;
      }
      const target = resolve(dirname(file), specifier);
      visit([`${target}.ts`, join(target, 'index.ts'), target].find((candidate) => existsSync(candidate))!);
    }
  };
  visit(join(srcDir, entry));
  return { files: [...files].map((file) => relative(srcDir, file).replace(/\\/g, '/')).sort(), packages: [...packages].sort() };
}

describe('what the gateway loads before it knows its Cognito', () => {
  const loaded = loadedWith('main.ts');

  it('follows the imports of main.ts through the layers', () => {
    expect(loaded.files).toEqual(expect.arrayContaining(['main.ts', 'config.ts', 'http/yoga.ts', 'local/connect.ts']));
  });

  it('is no code of the embedded emulator', () => {
    const emulatorCode = ['local/cognito-local.ts', 'local/embedded-cognito.ts', 'local/demo-seed.ts', 'local/demo-data.ts'];
    expect(loaded.files.filter((file) => emulatorCode.includes(file))).toEqual([]);
  });

  it('is only production dependencies and Node’s own modules', () => {
    const production = new Set(Object.keys(packageJson.dependencies));
    const builtin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
    expect(loaded.packages.filter((name) => !production.has(name) && !builtin(name))).toEqual([]);
  });
});
