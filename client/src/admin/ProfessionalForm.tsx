import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OneTimeLinkAnswer, TeamsAnswer } from '../../../shared/adminApi.js';
import { postJson } from '../api.js';
import { OneTimeLink } from '../components/OneTimeLink.js';
import { FormMessages } from './FormMessages.js';
import {
  ProfessionalFields,
  emptyProfessional,
  professionalBody,
  professionalLabels,
} from './ProfessionalFields.js';
import { useAdminAction } from './useAdminAction.js';
import '../i18n/nl/admin.js';

/** A new professional with their account; the answer is a one-time link to set their password. */
export function ProfessionalForm({ teams, onCreated }: { teams: TeamsAnswer; onCreated(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(emptyProfessional);
  const [username, setUsername] = useState('');
  const [made, setMade] = useState<(OneTimeLinkAnswer & { name: string }) | null>(null);
  const action = useAdminAction(professionalLabels(t));
  const invalid = (field: string) => action.fieldProps(field, 'new-professional-error');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    setMade(null);
    const ok = await action.run(
      async () => {
        const answer = await postJson<OneTimeLinkAnswer>('/api/admin/professionals', {
          ...professionalBody(draft),
          username,
        });
        setMade({ ...answer, name });
      },
      t('people.created', { name }),
    );
    if (ok) {
      setDraft({ ...emptyProfessional, teamId: draft.teamId, organisationId: draft.organisationId });
      setUsername('');
      onCreated();
    }
  };

  return (
    <section className="admin-section" aria-labelledby="new-professional-heading">
      <h2 id="new-professional-heading">{t('people.create')}</h2>
      <p className="muted">{t('people.createIntro')}</p>
      <form
        className="admin-form"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="new-professional-heading"
        noValidate
      >
        <ProfessionalFields
          idPrefix="new-professional"
          draft={draft}
          onChange={setDraft}
          teams={teams}
          invalid={invalid}
        />
        <div className="field-row">
          <div>
            <label htmlFor="new-professional-username">{t('people.username')}</label>
            <input
              id="new-professional-username"
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              {...invalid('username')}
            />
          </div>
        </div>
        <FormMessages id="new-professional-error" error={action.error} done={action.done} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('people.submit')}
        </button>
      </form>
      {made && (
        <OneTimeLink
          link={made.link}
          expiresAt={made.expiresAt}
          label={t('people.link', { name: made.name })}
        />
      )}
    </section>
  );
}
