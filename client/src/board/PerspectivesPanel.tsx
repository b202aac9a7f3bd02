import { useTranslation } from 'react-i18next';
import { perspectiveText, setPerspectiveLead } from '../../../shared/doc/perspectives.js';
import type { PerspectiveState } from '../../../shared/doc/board.js';
import { CollabText } from '../components/CollabText.js';
import { ContactButton } from '../components/ContactButton.js';
import { useBoardContext } from './context.js';
import { LastChanged } from './history/LastChanged.js';
import { AddPerspectiveForm } from './AddPerspectiveForm.js';
import { OwnerSelect } from './OwnerSelect.js';
import { perspectiveLabel } from './perspectiveLabel.js';
import { PerspectiveSwitch } from './PerspectiveSwitch.js';
import './board.css';
import './perspectives.css';
import '../i18n/nl/board.js';

function PerspectiveCard({ perspective }: { perspective: PerspectiveState }) {
  const { t } = useTranslation();
  const { doc, highlighted, setHighlighted, members } = useBoardContext();
  const label = perspectiveLabel(t, perspective);
  const id = (field: string) => `perspective-${perspective.id}-${field}`;
  const selected = highlighted === perspective.id;
  return (
    <section className={`perspective-card${selected ? ' is-selected' : ''}`} aria-labelledby={id('heading')}>
      <header>
        <h3 id={id('heading')}>{label}</h3>
        <button
          type="button"
          className="small"
          aria-pressed={selected}
          onClick={() => setHighlighted(selected ? null : perspective.id)}
        >
          {selected ? t('perspectives.unhighlight') : t('perspectives.highlight')}
        </button>
      </header>
      <p className="lead-contact">
        <span className="muted">{t('perspectives.lead')}: </span>
        <ContactButton
          person={perspective.leadId ? members.get(perspective.leadId) : undefined}
          none={t('perspectives.noLead')}
        />
      </p>
      <LastChanged kind="perspective" itemId={perspective.id} />
      <label htmlFor={id('situation')}>{t('perspectives.situation')}</label>
      <CollabText
        id={id('situation')}
        text={perspectiveText(doc, perspective.id, 'situation')}
        multiline
        rows={3}
        maxLength={5000}
      />
      <details>
        <summary>{t('perspectives.more')}</summary>
        <label htmlFor={id('strengths')}>{t('perspectives.strengths')}</label>
        <CollabText
          id={id('strengths')}
          text={perspectiveText(doc, perspective.id, 'strengths')}
          multiline
          rows={2}
          maxLength={5000}
        />
        <label htmlFor={id('concerns')}>{t('perspectives.concerns')}</label>
        <CollabText
          id={id('concerns')}
          text={perspectiveText(doc, perspective.id, 'concerns')}
          multiline
          rows={2}
          maxLength={5000}
        />
        <label htmlFor={id('lead')}>{t('perspectives.lead')}</label>
        <OwnerSelect
          id={id('lead')}
          value={perspective.leadId}
          onChange={(leadId) => setPerspectiveLead(doc, perspective.id, leadId)}
        />
      </details>
    </section>
  );
}

/**
 * The client's perspectives: each can be switched on; the active ones get equal space in a fixed
 * order (never sorted by how much they contain). Custom ones can be added, renamed and removed.
 */
export function PerspectivesPanel() {
  const { t } = useTranslation();
  const { perspectives, readOnly } = useBoardContext();
  const active = perspectives.filter((p) => p.active);
  return (
    <section className="perspectives" aria-labelledby="perspectives-heading">
      <fieldset className="plain" disabled={readOnly}>
        <div className="perspectives-head">
          <h2 id="perspectives-heading">{t('perspectives.heading')}</h2>
          <fieldset className="perspective-switches">
            <legend className="visually-hidden">{t('perspectives.switchLegend')}</legend>
            {perspectives.map((p) => (
              <PerspectiveSwitch key={p.id} perspective={p} />
            ))}
          </fieldset>
          <AddPerspectiveForm />
        </div>
        {active.length === 0 ? (
          <p className="muted">{t('perspectives.noneActive')}</p>
        ) : (
          // Equal columns that wrap into rows (perspectives.css): five or more never squeeze a card.
          <div className="perspective-cards">
            {active.map((p) => (
              <PerspectiveCard key={p.id} perspective={p} />
            ))}
          </div>
        )}
      </fieldset>
    </section>
  );
}
