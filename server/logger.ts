import pino from 'pino';
import type { DestinationStream, Logger as Pino } from 'pino';

/**
 * The server's log, one JSON line per event (pino). Callers log ids, counts and reasons, never
 * names or texts from a case; as a safety net, every field whose name may hold a person's words
 * or a secret is redacted wherever it sits, and request bodies, queries and credential headers
 * never reach a line at all (see `requestLogger` in server/http/requestLog.ts).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogDestination = DestinationStream;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** The logger the app builds; `pino` is the same log, for pino-http. */
export interface AppLogger extends Logger {
  readonly pino: Pino;
}

/** Field names whose values may be a name, words about a client, or a credential. */
export const REDACTED_FIELDS = [
  'name',
  'displayName',
  'clientName',
  'guestName',
  'username',
  'email',
  'phone',
  'note',
  'notes',
  'text',
  'words',
  'title',
  'question',
  'sentence',
  'situation',
  'strengths',
  'concerns',
  'body',
  'query',
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'csrfToken',
  'secret',
  'cookie',
  'authorization',
] as const;

/** pino redact paths: each field at the top, one and two levels down, and the request's credentials. */
export const REDACT_PATHS = [
  ...REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** A pino logger at `level`, writing to `destination` (default standard output). */
export function createLogger(level: LogLevel, destination?: LogDestination): AppLogger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  const log = destination ? pino(options, destination) : pino(options);
  const at =
    (method: 'debug' | 'info' | 'warn' | 'error') => (msg: string, fields?: Record<string, unknown>) =>
      log[method](fields ?? {}, msg);
  return { pino: log, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
