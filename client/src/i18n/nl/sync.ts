/** NL: sync. */
export const nlSync = {};
