/**
 * Our own FHIR extensions: what a board holds that no R4 element says, so that an exported case
 * can be imported again whole (SPEC FH6). Their URLs live under PUBLIC_URL like the code systems.
 */
export const extensionNames = ['visible-to-client', 'perspective', 'signal-state-actions'] as const;
export type ExtensionName = (typeof extensionNames)[number];

export const extensionUrl = (publicUrl: string, name: ExtensionName): string =>
  `${publicUrl}/api/fhir/StructureDefinition/${name}`;

export type Extension = { url: string } & (
  { valueString: string } | { valueBoolean: boolean } | { valueCode: string } | { extension: Extension[] }
);

/** A complex extension of named string parts; empty parts are left out (FHIR has no empty strings). */
export function complexExtension(
  url: string,
  parts: Record<string, string | boolean | null | undefined>,
): Extension {
  return {
    url,
    extension: Object.entries(parts).flatMap(([name, value]): Extension[] =>
      typeof value === 'boolean'
        ? [{ url: name, valueBoolean: value }]
        : value
          ? [{ url: name, valueString: value }]
          : [],
    ),
  };
}

/** `{ extension: [it] }` when the complex extension has parts, else nothing (FHIR's ext-1). */
export const withParts = (extension: Extension) =>
  'extension' in extension && extension.extension.length > 0 ? { extension: [extension] } : {};

/** The parts of a complex extension as a record (strings and booleans as they were). */
export function partsOf(extension: { extension?: unknown } | undefined): Record<string, string | boolean> {
  const parts: Record<string, string | boolean> = {};
  for (const part of (extension?.extension ?? []) as Record<string, unknown>[]) {
    const value = part.valueString ?? part.valueBoolean ?? part.valueCode;
    if (typeof part.url === 'string' && (typeof value === 'string' || typeof value === 'boolean'))
      parts[part.url] = value;
  }
  return parts;
}

/** The prefixes the export writes before a text in a shared element, read off again on import. */
export const textPrefixes = {
  triggers: 'Uitlokkers: ',
  protectiveFactors: 'Beschermende factoren: ',
} as const;
