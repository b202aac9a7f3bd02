/**
 * Bundle benchmark: what a first visit to each page downloads. Runs a production `vite build`
 * (the project's vite.config.ts, into a temporary folder, with a manifest), then follows the
 * manifest from the entry and from each page's lazy chunk through their static imports, and adds up
 * the gzip (and brotli) size of that JavaScript. Compared with the budgets of issue 14 (point 14). Prints one
 * JSON object on stdout and a readable table on stderr.
 *
 *   npm run bench   (after the others), or: npx tsx bench/bundle.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';

/** One entry of Vite's build manifest (only the fields used here). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * Each page, by the modules its loader in pageRegistry.ts fetches before it shows: the page's
 * chunk and the texts of its own that `withTexts` loads with it (paths as the manifest names
 * them). Parts a page fetches once it runs (`lazyPart`: the goal editor, say) are not needed to
 * show it; they are reported apart, as what follows right after.
 */
const routes: { name: string; path: string; modules: string[]; after?: string[]; budgetKb?: number }[] = [
  { name: 'sign-in', path: '/', modules: ['src/pages/LoginPage.tsx'] },
  { name: "client's plan", path: '/mijn-plan', modules: ['src/myplan/MyPlanPage.tsx'], budgetKb: 120 },
  {
    name: 'board page',
    path: '/cases/:caseId',
    modules: ['src/pages/BoardPage.tsx', 'src/referrals/texts.ts', 'src/glossary/texts.ts'],
    after: [
      'src/board/GoalEditor.tsx',
      'src/board/ImportPlan.tsx',
      'src/referrals/ReferralForm.tsx',
      'src/socialMap/texts.ts',
    ],
    budgetKb: 250,
  },
  { name: 'caseload', path: '/', modules: ['src/pages/CaseloadPage.tsx'] },
  { name: 'meeting', path: '/overleg/:meetingId', modules: ['src/meeting/MeetingPage.tsx'] },
  {
    name: 'admin',
    path: '/beheer',
    modules: ['src/pages/AdminPage.tsx', 'src/glossary/texts.ts', 'src/referrals/texts.ts'],
  },
];

const log = (message: string) => process.stderr.write(`${message}\n`);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** The chunk files a module needs at once: its own and, transitively, its static imports. */
function staticClosure(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) continue;
    into.add(chunk.file);
    staticClosure(manifest, chunk.imports ?? [], into);
  }
  return into;
}

async function main() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bundle-'));
  try {
    log(`building the client into ${outDir}`);
    await build({
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
    const manifest = JSON.parse(
      fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest;
    const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
    const sizes = new Map<string, { raw: number; gzip: number; brotli: number }>();
    const sizeOf = (file: string) => {
      const known = sizes.get(file);
      if (known) return known;
      const content = fs.readFileSync(path.join(outDir, file));
      const size = {
        raw: content.length,
        gzip: zlib.gzipSync(content, { level: 9 }).length,
        brotli: zlib.brotliCompressSync(content).length,
      };
      sizes.set(file, size);
      return size;
    };
    const gzipOnly = (file: string) =>
      sizes.get(file)?.gzip ?? zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;
    const entryFiles = staticClosure(manifest, entries);
    const results = routes.map((route) => {
      // A page that is not a chunk of its own is inside the entry (as before code splitting).
      const lazy = route.modules.filter((module) => manifest[module]);
      const files = staticClosure(manifest, lazy, new Set(entryFiles));
      const js = [...files].filter((file) => file.endsWith('.js'));
      const raw = js.reduce((sum, file) => sum + sizeOf(file).raw, 0);
      const gzip = js.reduce((sum, file) => sum + sizeOf(file).gzip, 0);
      const brotli = js.reduce((sum, file) => sum + sizeOf(file).brotli, 0);
      const verdict =
        route.budgetKb === undefined ? undefined : kb(gzip) <= route.budgetKb ? 'met' : 'NOT met';
      // What the page fetches once its code runs, beyond what it needed to show.
      const later = [...staticClosure(manifest, route.after ?? [], new Set(files))].filter(
        (file) => file.endsWith('.js') && !files.has(file),
      );
      const afterGzip = later.reduce((sum, file) => sum + sizeOf(file).gzip, 0);
      return {
        route: route.name,
        path: route.path,
        chunks: js.length,
        jsKb: kb(raw),
        jsGzipKb: kb(gzip),
        jsBrotliKb: kb(brotli),
        thenGzipKb: kb(afterGzip),
        ...(route.budgetKb === undefined ? {} : { budgetGzipKb: route.budgetKb, verdict }),
      };
    });
    const allJs = Object.values(manifest)
      .map((chunk) => chunk.file)
      .filter((file, i, files) => file.endsWith('.js') && files.indexOf(file) === i);
    const total = allJs.reduce((sum, file) => sum + gzipOnly(file), 0);

    log('');
    log('route           JS (KB)  gzip (KB)  brotli (KB)  chunks  then (gzip)  budget (gzip)');
    for (const r of results) {
      const budget = r.budgetGzipKb === undefined ? '' : `≤ ${r.budgetGzipKb} KB: ${r.verdict}`;
      log(
        `${r.route.padEnd(15)} ${String(r.jsKb).padStart(7)}  ${String(r.jsGzipKb).padStart(9)}  ${String(r.jsBrotliKb).padStart(11)}  ${String(r.chunks).padStart(6)}  ${String(r.thenGzipKb ? `+${r.thenGzipKb}` : '').padStart(11)}  ${budget}`,
      );
    }
    log(`all JS together: ${kb(total)} KB gzip in ${allJs.length} chunks`);
    log('then: parts the page fetches once it shows (lazyPart), not needed to show it');
    process.stdout.write(
      `${JSON.stringify({ bundle: { routes: results, allJsGzipKb: kb(total), chunks: allJs.length } }, null, 2)}\n`,
    );
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
