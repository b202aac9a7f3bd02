/** EN: history. */
export const enHistory = {};
