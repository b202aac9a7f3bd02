import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFiles } from '../../../server/http/clientFiles.js';
import { errorHandler } from '../../../server/http/validate.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * Issue 14, point 14: the built client is served compressed and cached for as long as it can be.
 * A small dist folder as `vite build` writes it: index.html, a hashed asset with its brotli and
 * gzip copies beside it, and a source map.
 */
const script = 'export const greeting = "hallo";\n'.repeat(100);
const page =
  '<!doctype html><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script>';

function builtClient(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veelzijdig-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), page);
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js.map'), '{"sources":["../src/secret.ts"]}');
  return dir;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers; the body as it came over the wire (fetch would decode it). */
function get(base: string, pathname: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(pathname, base), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

/** Only the client files and the error handler, as the app mounts them after the API. */
async function serve(dir: string, production: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use(clientFiles(dir, { production }));
  app.use(errorHandler({ error: () => undefined }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const immutable = 'public, max-age=31536000, immutable';
let dir: string;
let production: Awaited<ReturnType<typeof serve>>;
let development: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  dir = builtClient();
  production = await serve(dir, true);
  development = await serve(dir, false);
});
afterAll(async () => {
  await production?.close();
  await development?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built client is downloaded compressed', () => {
  it('a browser that accepts brotli gets the brotli copy', async () => {
    const answer = await get(production.url, '/assets/app-abc123.js', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(script);
    expect(answer.body.length).toBeLessThan(script.length);
  });

  it('a browser that accepts only gzip gets the gzip copy', async () => {
    const answer = await get(production.url, '/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(answer.body).toString()).toBe(script);
  });

  it('a client that accepts no compression gets the plain file', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const answer = await get(production.url, '/assets/app-abc123.js', headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.toString()).toBe(script);
    }
  });
});

describe('the built client is cached as long as it can be', () => {
  it('hashed files under /assets are cached for a year and never revalidated, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const answer = await get(production.url, '/assets/app-abc123.js', { 'accept-encoding': encoding });
      expect(answer.headers['cache-control']).toBe(immutable);
    }
  });

  it('index.html is checked with the server every time, asked for by name or as the start page', async () => {
    for (const pathname of ['/index.html', '/']) {
      const answer = await get(production.url, pathname, { 'accept-encoding': 'gzip, br' });
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body.toString()).toBe(page);
    }
  });

  it("a page's own address is answered with index.html, not cached without asking", async () => {
    for (const pathname of ['/mijn-plan', '/cases/c-1/dossier', '/overleg/m-1/verslag']) {
      const answer = await get(production.url, pathname);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/text\/html/);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body.toString()).toBe(page);
    }
  });

  it('an asset that is not there (a chunk of an older release) is a 404, not index.html', async () => {
    const answer = await get(production.url, '/assets/BoardPage-old999.js', { 'accept-encoding': 'br' });
    expect(answer.status).toBe(404);
    expect(answer.body.toString()).not.toContain('<!doctype html>');
  });
});

describe('source maps', () => {
  it('are refused in production, in every encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const answer = await get(production.url, '/assets/app-abc123.js.map', { 'accept-encoding': encoding });
      expect(answer.status).toBe(404);
      expect(answer.body.toString()).not.toContain('secret.ts');
    }
  });

  it('are served outside production, for debugging a local build', async () => {
    const answer = await get(development.url, '/assets/app-abc123.js.map');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain('secret.ts');
  });
});

describe('the app serves the built client after its API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clientDir: dir });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('assets come compressed and immutable, pages as index.html, the API stays the API', async () => {
    const asset = await get(server.url, '/assets/app-abc123.js', { 'accept-encoding': 'br' });
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe(immutable);
    const fallback = await get(server.url, '/mijn-plan');
    expect(fallback.headers['cache-control']).toBe('no-cache');
    expect(fallback.body.toString()).toBe(page);
    const api = await get(server.url, '/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers['cache-control']).toBe('no-store');
  });
});
