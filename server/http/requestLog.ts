import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { AppLogger } from '../logger.js';

/**
 * Where a request went, without anything it carried: the route's pattern when one matched
 * (`/api/cases/:caseId`, so no id, slug or invitation token reaches the log), else only the
 * first segment of the path (`/api/…`, `/assets/…`). Never the query string (a search for a name).
 */
export function routeOf(req: IncomingMessage): string {
  const express = req as Partial<Request>;
  const path = (express.originalUrl ?? req.url ?? '/').split('?')[0]!;
  const segments = path.split('/').filter(Boolean);
  const pattern = express.route?.path;
  if (typeof pattern === 'string') {
    // An error leaves the router with baseUrl reset; every API router is mounted at /api/<resource>.
    const base = express.baseUrl || (segments[0] === 'api' ? `/api/${segments[1]}` : '');
    return `${base}${pattern === '/' && base ? '' : pattern}`;
  }
  const kept = segments.slice(0, segments[0] === 'api' ? 2 : 1);
  return `/${kept.join('/')}${segments.length > kept.length ? '/…' : ''}`;
}

const outcome = (req: IncomingMessage, res: ServerResponse) => ({
  route: routeOf(req),
  userId: ((res as Response).locals?.session as { user?: { id?: string } } | null | undefined)?.user?.id,
});

/**
 * One log line per request (pino-http): a request id (also sent back as `X-Request-Id`),
 * method, route pattern, status, time and
 * the signed-in user's id. No body, query, header or cookie is ever logged.
 */
export function requestLogger(log: AppLogger) {
  return pinoHttp({
    logger: log.pino,
    quietReqLogger: true,
    wrapSerializers: false,
    // Our own id, never one the client sent: a header is no place a token should reach the log from.
    genReqId: (_req, res) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      // The id is on the line already (reqId); the URL, headers and body never are.
      req: (req: IncomingMessage) => ({ method: req.method }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: (error: Error) => ({ type: error.name, message: error.message }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value: object) => ({ ...value, ...outcome(req, res) }),
    customErrorObject: (req, res, _error, value: object) => ({ ...value, ...outcome(req, res) }),
  });
}
