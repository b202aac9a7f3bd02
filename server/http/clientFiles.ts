import path from 'node:path';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { HttpError } from './validate.js';

/** Files under /assets carry a hash of their content in their name: they never change. */
export const immutable = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is checked with the server on every use (ETag). */
export const revalidate = 'no-cache';

/**
 * The built client (issue 14, point 14): the brotli or gzip copy that `vite build` wrote beside
 * each asset when the browser accepts it, hashed assets cached for a year, index.html never
 * without asking, and index.html for any other address so that the pages' own routes work on a
 * reload. A missing asset is a 404, not index.html: a page of an older version asking for a chunk
 * that a newer one replaced must fail as a script, not run HTML. In production no source maps
 * are handed out, even if a build made them: they would hand out the whole client source.
 */
export function clientFiles(clientDir: string, options: { production: boolean }): express.Router {
  const router = express.Router();
  const assets = path.join(clientDir, 'assets') + path.sep;
  const index = path.join(clientDir, 'index.html');
  if (options.production)
    router.use((req, _res, next) =>
      next(req.path.endsWith('.map') ? new HttpError(404, 'not found') : undefined),
    );
  router.use(
    expressStaticGzip(clientDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        cacheControl: false,
        setHeaders: (res, file: string) => {
          res.setHeader('Cache-Control', file.startsWith(assets) ? immutable : revalidate);
        },
      },
    }),
  );
  router.use('/assets', (_req, _res, next) => next(new HttpError(404, 'not found')));
  router.get('/{*path}', (_req, res) => {
    res.setHeader('Cache-Control', revalidate);
    res.sendFile(index);
  });
  return router;
}
