import type { FaceScore } from '../../../shared/doc/clientVoiceShape.js';

/** Mouth curves from very sad (1) to very happy (5). */
const mouths: Record<FaceScore, string> = {
  1: 'M8 17c1.2-2.2 6.8-2.2 8 0',
  2: 'M8.5 16.5c1.5-1.2 5.5-1.2 7 0',
  3: 'M8.5 15.5h7',
  4: 'M8.5 14.5c1.5 1.4 5.5 1.4 7 0',
  5: 'M7.5 14c1.2 3 7.8 3 9 0',
};

const skins: Record<FaceScore, string> = {
  1: '#f6a5a5',
  2: '#f9c99a',
  3: '#fbe38e',
  4: '#c2e5a8',
  5: '#8fd19e',
};
const ink = '#111418';

/** A face of the five-step scale; decorative (the scale's words say the same). */
export function Face({ score, size = 36 }: { score: FaceScore; size?: number }) {
  return (
    <svg
      className={`face face-${score}`}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="10.5" fill={skins[score]} stroke={ink} strokeWidth="1.2" />
      <circle cx="8.8" cy="9.5" r="1.3" fill={ink} />
      <circle cx="15.2" cy="9.5" r="1.3" fill={ink} />
      <path d={mouths[score]} fill="none" stroke={ink} strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
