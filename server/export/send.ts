import type { Response } from 'express';
import type { ClientFile } from '../../shared/rightsApi.js';

/** How the copy leaves the server: read on the print page, or downloaded as a file (SPEC RT10). */
export type ExportFormat = 'print' | 'json';

/**
 * Sends the copy: as the page's JSON, or as a download with a file name that names no client
 * (a file name ends up in download lists and synced folders).
 */
export function sendClientFile(
  res: Response,
  file: ClientFile,
  format: ExportFormat,
  fileName: string,
): void {
  if (format === 'print') return void res.json({ file });
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName}-${file.exportedAt.slice(0, 10)}.json"`,
  );
  res.send(JSON.stringify(file, null, 2));
}

/** Sends a FHIR bundle as a download (`application/fhir+json`), its name naming no client. */
export function sendFhirBundle(res: Response, bundle: { timestamp: string }, fileName: string): void {
  res.setHeader('Content-Type', 'application/fhir+json; charset=utf-8');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName}-${bundle.timestamp.slice(0, 10)}.fhir.json"`,
  );
  res.send(JSON.stringify(bundle, null, 2));
}
