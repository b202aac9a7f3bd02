/** A `tel:` link for a phone number as people write it ("06-31 92 83 74" → tel:0631928374). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;
