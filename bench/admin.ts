/**
 * Admin benchmark: the professionals list with 2,000 professionals (and their accounts) in 40
 * teams, a page at a time, as the admin page asks for it: the first page, a page deep in the list,
 * a search that matches many, one that matches one person, a team's members, and the same first
 * page and search over HTTP (session, validation, JSON). Runs the real server on a fresh data
 * folder in a temporary directory. Prints one JSON object on stdout; progress goes to stderr.
 *
 *   npm run bench   (after the caseload benchmark), or: npx tsx bench/admin.ts
 */
import { round, summarize, time } from './lib/timing.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import type { ProfessionalFilter } from '../server/services/professionals.js';

const spec = { professionals: 2_000, teams: 40, pageSize: 25 };
const runs = 200;
const httpRuns = 100;

const log = (message: string) => process.stderr.write(`${message}\n`);
const firstNames = ['Anna', 'Bram', 'Çiğdem', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Ibrahim', 'Joke'];
const lastNames = ['de Vries', 'Jansen', 'Yılmaz', 'Bakker', 'Visser', 'El Amrani', 'Smit', 'Meijer'];
const roles = ['Huisarts', 'POH-GGZ', 'Wijkverpleegkundige', 'Schuldhulpverlener', 'Wmo-consulent'];

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-bench-admin-'));
  const config = {
    ...loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
    demoData: false,
    clientDir: null,
  };
  config.audit = {
    ...config.audit,
    keyFile: path.join(`${dataDir}-keys`, 'audit.key'),
    checkpointFile: path.join(`${dataDir}-keys`, 'audit-checkpoints.jsonl'),
  };
  const server = await startServer(config);
  try {
    const s = server.services;
    log(`generating ${spec.professionals} professionals in ${spec.teams} teams…`);
    const district = await s.places.createDistrict('Benchwijk');
    const teamIds: string[] = [];
    for (let n = 0; n < spec.teams / 4; n++) {
      const neighbourhood = await s.places.createNeighbourhood(district, `Buurt ${n}`);
      for (const kind of ['primary-care', 'neighbourhood-team', 'volunteer-organisation', 'other'] as const)
        teamIds.push(
          await s.teams.create({ name: `Team ${n}-${kind}`, kind, neighbourhoodId: neighbourhood }),
        );
    }
    const admin = await s.accounts.create({ username: 'beheer', displayName: 'Beheer', role: 'admin' });
    const generateStart = performance.now();
    // Each professional in a write of its own, as the admin page makes them.
    for (let i = 0; i < spec.professionals; i++) {
      const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]} ${i}`;
      await s.professionals.create(
        {
          name,
          roleTitle: roles[i % roles.length]!,
          side: i % 2 ? 'social' : 'medical',
          teamId: teamIds[i % teamIds.length]!,
          organisationId: null,
          phone: '06-12345678',
          email: `persoon${i}@example.org`,
          username: `persoon${i}`,
          role: i % 10 ? 'professional' : 'coordinator',
        },
        admin,
      );
    }
    const createMs = (performance.now() - generateStart) / spec.professionals;

    const list = (filter: Partial<ProfessionalFilter>) => () =>
      s.professionals.list({ limit: spec.pageSize, offset: 0, ...filter });
    const requests: Record<string, () => unknown> = {
      firstPage: list({}),
      deepPage: list({ offset: 1_975 }),
      searchMany: list({ q: 'yilmaz' }),
      searchOne: list({ q: 'persoon1234@' }),
      team: list({ teamId: teamIds[3] }),
      disabledOnly: list({ state: 'disabled' }),
    };
    const service: Record<string, ReturnType<typeof summarize> & { total: number }> = {};
    for (const [name, request] of Object.entries(requests)) {
      log(`timing ${name}…`);
      const answer = (await request()) as { total: number };
      service[name] = { ...summarize(await time(runs, request)), total: answer.total };
    }

    const { token } = await s.sessions.create(admin);
    const get = (query: string) => async () => {
      const response = await fetch(`${server.url}/api/admin/professionals?${query}`, {
        headers: { cookie: `vz_session=${token}`, origin: server.url },
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      return response.json();
    };
    const http: Record<string, ReturnType<typeof summarize>> = {};
    for (const [name, query] of [
      ['firstPage', 'limit=25'],
      ['search', 'q=yilmaz&limit=25'],
    ] as const) {
      log(`timing HTTP ${name}…`);
      http[name] = summarize(await time(httpRuns, get(query)));
    }

    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'admin',
          spec,
          createPerProfessionalMs: round(createMs),
          service,
          http,
          totalSeconds: Math.round((Date.now() - started) / 100) / 10,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}-keys`, { recursive: true, force: true });
  }
}

await main();
