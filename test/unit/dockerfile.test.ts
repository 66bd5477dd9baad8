import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/gateway-process';

/**
 * No container engine runs where the suite runs, so the image is not built here: this checks what
 * can be checked without one, that the Dockerfile copies files that exist, runs the command the
 * project documents as its production command, and keeps its stages' promises.
 */
const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions
  .join('\n')
  .split(/^FROM /m)
  .slice(1);
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('the Dockerfile', () => {
  it('has a build stage and a runtime stage on Node 20', () => {
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage).toMatch(/^node:20[-.]/);
    expect(stages[0]).toMatch(/RUN npm ci --no-audit/);
    expect(stages[0]).toMatch(/RUN npm run build/);
  });

  it('copies only files of the project into the build stage', () => {
    const copied = stages[0]!.split('\n').filter((line) => line.startsWith('COPY '));
    for (const line of copied) {
      const sources = line.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(existsSync(join(projectRoot, source)), source).toBe(true);
    }
  });

  it('runs with production dependencies only, the build alone, as a non-root user, the documented command and health check', () => {
    const runtime = stages[1]!;
    expect(runtime).toMatch(/RUN npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    // From the context: what npm ci reads (the manifest, the lockfile, the postinstall script), no source.
    const fromContext = runtime
      .split('\n')
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(fromContext).toEqual(['package.json', 'package-lock.json', 'src/local/patch-emulator.mjs']);
    expect(runtime).toMatch(/^USER node$/m);
    const command = JSON.parse(/^CMD (.*)$/m.exec(runtime)![1]!) as string[];
    expect(command.join(' ')).toBe(packageJson.scripts['start:production']);
    expect(runtime).toMatch(/HEALTHCHECK .*\/health/);
    expect(runtime).toMatch(/EXPOSE 4000/);
  });

  it('builds into the dist/ the runtime stage copies, and the build script says so', () => {
    expect(packageJson.scripts['build']).toBe('tsx scripts/build.ts');
    expect(readFileSync(join(projectRoot, 'scripts/build.ts'), 'utf8')).toContain('`${root}dist`');
  });
});
