/** NL: versions. */
export const nlVersions = {};
