import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { NotStored } from '../sync/documentRegistry.js';

/** A request error with the HTTP status and a message that names what is wrong. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Machine-readable fields sent beside `error` (e.g. a `code` the pages translate). */
    readonly extra: Record<string, string | number | boolean | null> = {},
  ) {
    super(message);
  }
}

type Part = 'params' | 'query' | 'body';

/**
 * Validates one part of the request with a zod schema; the first issue becomes a readable
 * `path: message` 400 error. The parsed value replaces the raw one (query is read-only in
 * Express 5, so it is kept in `res.locals.query`).
 */
export function validate(part: Part, schema: z.ZodType) {
  return (req: Request, res: Response, next: NextFunction) => {
    const parsed = schema.safeParse(req[part] ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? issue.path.join('.') : part;
      next(new HttpError(400, `${where}: ${issue.message}`));
      return;
    }
    if (part === 'query') res.locals.query = parsed.data;
    else req[part] = parsed.data;
    next();
  };
}

/** Turns errors into JSON answers without stack traces. */
export function errorHandler(log: { error(msg: string, f?: Record<string, unknown>): void }) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // The request's line in the log has the same id (server/http/requestLog.ts).
    const requestId = (req as { id?: unknown }).id;
    if (error instanceof HttpError) {
      res.status(error.status).json({ ...error.extra, error: error.message });
      return;
    }
    if (error instanceof NotStored) {
      log.error('a change could not be stored', { document: error.documentName, requestId });
      res.status(503).json({ error: 'the change could not be stored; nothing was changed, try again' });
      return;
    }
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: (error as Error).message || 'bad request' });
      return;
    }
    log.error('request failed', { error: String(error), requestId });
    res.status(500).json({ error: 'internal error' });
  };
}
