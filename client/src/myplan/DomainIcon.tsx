import type { ReactNode } from 'react';
import type { LifeDomain } from '../../../shared/vocabulary.js';

/** Simple, bold pictures for the life domains: a heart with a cross, a house, a coin, a briefcase. */
const paths: Record<LifeDomain, ReactNode> = {
  care: (
    <>
      <path d="M12 21s-7.5-4.6-9.3-9.4C1.4 8 3.6 4.5 7 4.5c2 0 3.6 1.1 5 2.9 1.4-1.8 3-2.9 5-2.9 3.4 0 5.6 3.5 4.3 7.1C19.5 16.4 12 21 12 21z" />
      <path d="M12 9v6M9 12h6" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" fill="none" />
    </>
  ),
  housing: (
    <>
      <path d="M3 11.5 12 4l9 7.5V21h-6v-6h-6v6H3z" />
    </>
  ),
  income: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path
        d="M15.5 8.2a4.2 4.2 0 1 0 0 7.6M7.5 10.8h6M7.5 13.2h6"
        stroke="#fff"
        strokeWidth="1.8"
        strokeLinecap="round"
        fill="none"
      />
    </>
  ),
  work: (
    <>
      <path d="M9 6V4.5A1.5 1.5 0 0 1 10.5 3h3A1.5 1.5 0 0 1 15 4.5V6h5a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1zm1.5 0h3V4.5h-3z" />
      <path d="M3 12h18" stroke="#fff" strokeWidth="1.6" fill="none" />
    </>
  ),
};

/** The picture of a life domain; decorative, as the domain's name is always written beside it. */
export function DomainIcon({ domain }: { domain: LifeDomain }) {
  return (
    <svg
      className={`domain-svg domain-svg-${domain}`}
      viewBox="0 0 24 24"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      {paths[domain]}
    </svg>
  );
}
