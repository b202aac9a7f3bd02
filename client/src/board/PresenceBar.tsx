import { useTranslation } from 'react-i18next';
import { initialsOf } from '../components/initials.js';
import type { Peer } from '../sync/presence.js';
import './board.css';

/** Who is on this board right now. */
export function PresenceBar({ peers }: { peers: Peer[] }) {
  const { t } = useTranslation();
  return (
    <ul className="presence" aria-label={t('presence.label', { count: peers.length })}>
      {peers.map((p) => (
        <li key={p.clientId} style={{ background: p.user.color }} title={p.user.name}>
          <span aria-hidden="true">{initialsOf(p.user.name)}</span>
          <span className="visually-hidden">
            {p.self ? t('presence.you', { name: p.user.name }) : p.user.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
