/** NL: history. */
export const nlHistory = {};
