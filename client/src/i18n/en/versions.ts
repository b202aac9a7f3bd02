/** EN: versions. */
export const enVersions = {};
