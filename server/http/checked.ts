import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { HttpError } from './validate.js';

type Part = 'params' | 'query' | 'body';
type Schemas = Partial<Record<Part, z.ZodType>>;

/** What a handler receives: each part of the request as its schema parsed it. */
export type Checked<S extends Schemas> = { [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never };

/**
 * A route handler whose input type is the schema that was checked (STYLE: Outline's
 * `APIContext<T>`): each part is parsed with its zod schema and the first issue answers 400 as
 * `path: message`, as `validate` does; the handler gets the parsed values, typed, and never casts.
 */
export function checked<S extends Schemas>(
  schemas: S,
  handler: (input: Checked<S>, req: Request, res: Response) => void | Promise<void>,
): RequestHandler {
  return async (req, res) => {
    const input: Partial<Record<Part, unknown>> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const parsed = schema.safeParse(req[part] ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new HttpError(400, `${issue.path.length ? issue.path.join('.') : part}: ${issue.message}`);
      }
      input[part] = parsed.data;
    }
    await handler(input as Checked<S>, req, res);
  };
}
