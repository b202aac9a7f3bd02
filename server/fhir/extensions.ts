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

const extensionDefinitions: Record<
  ExtensionName,
  { title: string; context: string; value?: 'boolean'; parts?: string[] }
> = {
  'visible-to-client': {
    title: 'Zichtbaar in het plan van de cliënt',
    context: 'Goal',
    value: 'boolean',
  },
  perspective: {
    title: 'Perspectief op de cliënt, met wat het team erin schreef',
    context: 'CarePlan',
    parts: ['id', 'label', 'active', 'addedAt', 'situation', 'strengths', 'concerns', 'lead'],
  },
  'signal-state-actions': {
    title: 'Wat iedereen doet in een toestand van het signaleringsplan',
    context: 'RiskAssessment.prediction',
    parts: ['clientActions', 'networkActions', 'professionalActions', 'callName', 'callPhone'],
  },
};

/** One of our extensions as a FHIR StructureDefinition (differential), at its canonical URL. */
export function extensionDefinition(publicUrl: string, name: ExtensionName) {
  const d = extensionDefinitions[name];
  const url = extensionUrl(publicUrl, name);
  const value = (path: string, type: string) => ({
    id: `${path}.value[x]`,
    path: 'Extension.value[x]',
    type: [{ code: type }],
  });
  const parts = (d.parts ?? []).flatMap((part) => [
    { id: `Extension.extension:${part}`, path: 'Extension.extension', sliceName: part, min: 0, max: '1' },
    {
      id: `Extension.extension:${part}.url`,
      path: 'Extension.extension.url',
      fixedUri: part,
    },
    {
      ...value(`Extension.extension:${part}`, part === 'active' ? 'boolean' : 'string'),
      path: 'Extension.extension.value[x]',
    },
  ]);
  return {
    resourceType: 'StructureDefinition',
    id: name,
    url,
    version: '1',
    name: name.replace(/(^|-)(\w)/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    title: d.title,
    status: 'active',
    publisher: 'Veelzijdig',
    fhirVersion: '4.0.1',
    kind: 'complex-type',
    abstract: false,
    context: [{ type: 'element', expression: d.context }],
    type: 'Extension',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
    derivation: 'constraint',
    differential: {
      element: [
        { id: 'Extension', path: 'Extension', short: d.title },
        ...(d.parts
          ? [
              {
                id: 'Extension.extension',
                path: 'Extension.extension',
                slicing: { discriminator: [{ type: 'value', path: 'url' }], rules: 'closed' },
              },
              ...parts,
            ]
          : []),
        { id: 'Extension.url', path: 'Extension.url', fixedUri: url },
        d.value
          ? value('Extension', d.value)
          : { id: 'Extension.value[x]', path: 'Extension.value[x]', max: '0' },
      ],
    },
  };
}
