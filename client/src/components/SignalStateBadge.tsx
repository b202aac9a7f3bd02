import { useTranslation } from 'react-i18next';
import type { SignalState } from '../../../shared/risk.js';
import './signalStateBadge.css';

/** A shape per state as well as a colour, so the state never rests on colour alone. */
export const signalSymbols = { green: '●', amber: '▲', red: '■', none: '○' } as const;

/** A signal state (green, amber, red or not observed yet) as colour, shape and word. */
export function SignalStateBadge({
  state,
  meaning = false,
  large = false,
}: {
  state: SignalState | null;
  /** Also say what the state means ("Let op: signalen van terugval"). */
  meaning?: boolean;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const key = state ?? 'none';
  return (
    <span className={`signal-badge signal-${key}${large ? ' is-large' : ''}`}>
      <span className="signal-symbol" aria-hidden="true">
        {signalSymbols[key]}
      </span>
      <span>{t(`signalState.name.${key}`)}</span>
      {meaning && <span className="signal-meaning">{t(`signalState.meaning.${key}`)}</span>}
    </span>
  );
}
