/**
 * Social-map benchmark: the server time of the store's search (SPEC SM2, SM3) over 5,000
 * generated services in one district, per typical request: what a professional types and ticks on
 * the map, a later page, and "who can help" from a goal. Runs in this process on a fresh SQLite
 * file in a temporary directory. Prints one JSON object on stdout; progress goes to stderr.
 *
 *   npm run bench   (after the other benchmarks), or: npx tsx bench/socialMap.ts
 */
import { summarize, time } from './lib/timing.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/db/database.js';
import { pageSize } from '../server/socialMap/service.js';
import { socialMapStore } from '../server/socialMap/store.js';
import type { SearchOptions } from '../server/socialMap/store.js';
import { sqliteData } from '../server/storage/sqlite.js';
import { district, neighbourhoods } from '../server/demo/dataset/place.js';
import type { ServiceSearch } from '../shared/socialMapApi.js';
import { generateServices } from './lib/socialMapData.js';
import { machineInfo } from './lib/machine.js';

const spec = { services: 5_000, seed: 5_000 };
const runs = 300;
const warmup = 10;

const log = (message: string) => process.stderr.write(`${message}\n`);
interface Request {
  filter: ServiceSearch;
  options?: Partial<SearchOptions>;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-social-map-'));
  const db = openDatabase(dataDir);
  try {
    log(`generating ${spec.services} services`);
    const map = generateServices(spec.services, spec.seed);
    db.transaction(() => {
      db.prepare('INSERT INTO districts (id, name) VALUES (?, ?)').run(district.id, district.name);
      const neighbourhood = db.prepare('INSERT INTO neighbourhoods (id, district_id, name) VALUES (?, ?, ?)');
      for (const n of neighbourhoods) neighbourhood.run(n.id, district.id, n.name);
      const organisation = db.prepare(
        'INSERT INTO organisations (id, name, kind, description, website, email, phone) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const o of map.organisations)
        organisation.run(o.id, o.name, o.kind, o.description, o.website, o.email, o.phone);
    })();

    const data = sqliteData(db);
    const store = socialMapStore(data);
    const names = new Map(map.organisations.map((o) => [o.id, o.name]));
    const now = new Date().toISOString();
    await data.write(async (trx) => {
      for (const service of map.services)
        await store.save(
          trx,
          { ...service, districtId: district.id },
          names.get(service.organisationId)!,
          now,
        );
    });

    const neighbourhoodId = neighbourhoods[1]!.id;
    const requests: Record<string, Request> = {
      'no filter': { filter: {} },
      'word "schuld"': { filter: { q: 'schuld' } },
      'word "schuld" + income + neighbourhood': {
        filter: { q: 'schuld', lifeDomain: 'income', neighbourhoodId },
      },
      'peer-run only': { filter: { peerRun: true } },
      'rare language (ti)': { filter: { language: 'ti' } },
      'page 20': { filter: {}, options: { offset: 19 * pageSize } },
      'who can help (income, neighbourhood, preferPerspectives)': {
        filter: { lifeDomain: 'income', neighbourhoodId },
        options: { preferPerspectives: ['unemployed', 'low-literacy'] },
      },
    };

    const search: Record<string, ReturnType<typeof summarize> & { matches: number; answerKB: number }> = {};
    for (const [name, request] of Object.entries(requests)) {
      const options: SearchOptions = { limit: pageSize, offset: 0, ...request.options };
      const timings = await time(runs, () => store.search(district.id, request.filter, options), warmup);
      const answer = await store.search(district.id, request.filter, options);
      const stats = summarize(timings);
      search[name] = {
        ...stats,
        matches: answer.total,
        answerKB: Math.round(Buffer.byteLength(JSON.stringify(answer)) / 102.4) / 10,
      };
      log(`  ${name}: p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms (${answer.total} matches)`);
    }

    const output = {
      machine: machineInfo(loadAtStart),
      data: {
        ...spec,
        organisations: map.organisations.length,
        neighbourhoods: neighbourhoods.length,
        pageSize,
      },
      socialMapSearch: search,
      note: "socialMapStore.search: count + one page (25) + the page's lists, SQLite, same process",
      durationS: Math.round((Date.now() - started) / 100) / 10,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
