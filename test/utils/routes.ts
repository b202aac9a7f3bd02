import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `METHOD /path` of every route the routers in server/routes/** declare, read from the source. */
export function declaredRoutes(): string[] {
  const root = fileURLToPath(new URL('../../server/', import.meta.url));
  // The routers are mounted in server/http/routes.ts, which imports them from ../routes/<dir>/.
  const app = fs.readFileSync(path.join(root, 'http', 'routes.ts'), 'utf8');
  const dirOf = new Map(
    [...app.matchAll(/import \{ (\w+) \} from '\.\.\/routes\/(\w+)\/index\.js'/g)].map((m) => [m[1]!, m[2]!]),
  );
  const prefixOf = new Map(
    [...app.matchAll(/app\.use\('(\/api\/[\w-]+)', (\w+)\(/g)].map((m) => [dirOf.get(m[2]!)!, m[1]!]),
  );
  const routes: string[] = [];
  for (const dir of fs.readdirSync(path.join(root, 'routes'))) {
    // A resource of a resource (routes/cases/history/) is mounted by its parent's router.
    const files = fs
      .readdirSync(path.join(root, 'routes', dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, 'routes', dir, file), 'utf8');
      for (const [, method, route] of source.matchAll(/router\.(get|post|put|delete|patch)\(\s*'([^']*)'/g)) {
        routes.push(
          `${method!.toUpperCase()} ${prefixOf.get(dir) ?? `(not mounted: ${dir})`}${route === '/' ? '' : route}`,
        );
      }
    }
  }
  return routes.sort();
}
