import { v5 as uuidv5 } from 'uuid';

/** The namespace of every FHIR id we derive (a fixed random UUID, never to change). */
const namespace = '6f1d3c2a-9b1e-4d7a-8f43-2c5e0a9d7b61';

/**
 * A stable FHIR id for one of our records (`kind` and our id): the same record always gets the
 * same UUID, so a bundle exported twice names its resources alike and references stay valid.
 */
export const fhirId = (kind: string, id: string): string => uuidv5(`${kind}:${id}`, namespace);

/** The `fullUrl` (and reference) of a resource in a `collection` bundle. */
export const fullUrl = (id: string): string => `urn:uuid:${id}`;
