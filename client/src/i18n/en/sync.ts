/** EN: sync. */
export const enSync = {};
