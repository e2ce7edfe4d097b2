/**
 * Import boundaries, checked in CI (npm run lint):
 *  - no import circles between domains (a domain is a folder under src/; type-only imports count);
 *  - nothing imports a door (src/graphql/, src/openai/) or src/http/ (but http/ mounts the doors;
 *    main.ts wires it all);
 *  - the doors import no storage client (resolvers and routes call domain verbs).
 * src/context.ts names every domain's types for the shared contexts and is not itself a domain.
 *   tsx scripts/check-boundaries.ts [root]   (root: the folder holding src/, default .)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const STORAGE_CLIENTS = ['ioredis', 'pg', 'drizzle-orm', '@electric-sql/pglite', 'stripe'];
const DOORS = new Set(['graphql', 'openai']);
const OUTSIDE_DOMAINS = new Set(['context.ts', 'config.ts', 'main.ts']);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__generated__' ? [] : files(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** The domain a file under src/ belongs to, or undefined for the files above the domains. */
function domainOf(src: string, file: string): string | undefined {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0] : OUTSIDE_DOMAINS.has(parts[0]!) ? undefined : parts[0];
}

export function checkBoundaries(root: string): string[] {
  const src = resolve(root, 'src');
  const problems: string[] = [];
  const edges = new Map<string, Map<string, string>>(); // domain → domain → an example file
  for (const file of files(src)) {
    const from = domainOf(src, file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      const where = relative(root, file);
      if (!spec.startsWith('.')) {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (from && DOORS.has(from) && STORAGE_CLIENTS.includes(pkg))
          problems.push(`${where}: ${from}/ imports the storage client ${pkg}`);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!target.startsWith(src)) continue;
      const to = domainOf(src, target);
      if (!to || to === from) continue;
      const mounts = from === 'http' && DOORS.has(to);
      if ((DOORS.has(to) || to === 'http') && from !== undefined && !mounts)
        problems.push(`${where}: imports ${to}/ (nothing may)`);
      if (!from) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, where);
      edges.set(from, out);
    }
  }
  for (const cycle of cycles(edges)) {
    const steps = cycle.map(
      (d, i) => `${d} → ${cycle[(i + 1) % cycle.length]} (${edges.get(d)!.get(cycle[(i + 1) % cycle.length]!)})`,
    );
    problems.push(`import circle between domains: ${steps.join(', ')}`);
  }
  return problems;
}

/** Each strongly connected group of more than one domain, as one cycle through it. */
function cycles(edges: Map<string, Map<string, string>>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...edges.keys()].sort()) {
    const path: string[] = [];
    const walk = (d: string): boolean => {
      if (path.includes(d)) {
        const cycle = path.slice(path.indexOf(d));
        const key = [...cycle].sort().join(',');
        if (!seen.has(key)) {
          seen.add(key);
          found.push(cycle);
        }
        return true;
      }
      path.push(d);
      for (const next of [...(edges.get(d)?.keys() ?? [])].sort()) if (walk(next)) break;
      path.pop();
      return false;
    };
    walk(start);
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const problems = checkBoundaries(process.argv[2] ?? '.');
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log('import boundaries: ok');
}
