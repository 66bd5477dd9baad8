import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import of a source file: what it names, and the folder of src/ it reaches (for relative imports). */
export interface ImportEdge {
  file: string;
  specifier: string;
  /** `domain`, `cognito`, ...; root files are their own unit (`main`, `config`); undefined for packages. */
  targetUnit: string | undefined;
}

/** The unit of src/ a file belongs to: its top folder, or the file itself at the root. */
export function unitOf(pathInSrc: string): string {
  const [first, ...rest] = pathInSrc.split('/');
  return rest.length === 0 ? first!.replace(/\.ts$/, '') : first!;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => (match[1] ?? match[2] ?? match[3])!);
}

/** Every import of every .ts file under `srcDir`, with paths relative to it. */
export function readImportGraph(srcDir: string): ImportEdge[] {
  const files = (readdirSync(srcDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((f) => f.replace(/\\/g, '/'));
  return files.flatMap((file) =>
    importsOf(readFileSync(join(srcDir, file), 'utf8')).map((specifier) => {
      const target = specifier.startsWith('.')
        ? relative(srcDir, resolve(srcDir, dirname(file), specifier)).replace(/\\/g, '/')
        : undefined;
      return { file, specifier, targetUnit: target === undefined ? undefined : unitOf(target) };
    }),
  );
}

export interface LayerRule {
  unit: string;
  /** Packages (by name or prefix ending in `/`) the unit must not import. */
  forbiddenPackages?: readonly string[];
  /** Units of src/ it must not import. */
  forbiddenUnits?: readonly string[];
  /** When set, the only units of src/ it may import besides itself. */
  allowedUnits?: readonly string[];
}

const packageMatches = (specifier: string, pattern: string) =>
  pattern.endsWith('/') ? specifier.startsWith(pattern) : specifier === pattern || specifier.startsWith(`${pattern}/`);

/** Every import that breaks a rule, as `file → specifier (why)`. */
export function ruleViolations(edges: readonly ImportEdge[], rules: readonly LayerRule[]): string[] {
  return edges.flatMap((edge) => {
    const unit = unitOf(edge.file);
    return rules
      .filter((rule) => rule.unit === unit)
      .flatMap((rule) => {
        const why: string[] = [];
        if (edge.targetUnit === undefined) {
          if (rule.forbiddenPackages?.some((pattern) => packageMatches(edge.specifier, pattern)))
            why.push(`${unit} may not import ${edge.specifier}`);
        } else if (edge.targetUnit !== unit) {
          if (rule.forbiddenUnits?.includes(edge.targetUnit)) why.push(`${unit} may not import src/${edge.targetUnit}`);
          if (rule.allowedUnits && !rule.allowedUnits.includes(edge.targetUnit))
            why.push(`${unit} may import only ${rule.allowedUnits.join(', ')}`);
        }
        return why.map((reason) => `${edge.file} → ${edge.specifier} (${reason})`);
      });
  });
}

/** Units that import each other, directly or through others: each cycle once, as `a → b → a`. */
export function unitCycles(edges: readonly ImportEdge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const from = unitOf(edge.file);
    if (edge.targetUnit === undefined || edge.targetUnit === from) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(edge.targetUnit));
  }
  const cycles = new Set<string>();
  const walk = (unit: string, path: string[]) => {
    for (const next of graph.get(unit) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        // The same cycle found from another starting unit is reported once.
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.add([...canonical, canonical[0]].join(' → '));
      } else {
        walk(next, [...path, next]);
      }
    }
  };
  for (const unit of graph.keys()) walk(unit, [unit]);
  return [...cycles].sort();
}
