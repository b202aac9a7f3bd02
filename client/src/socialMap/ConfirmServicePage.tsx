import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import type { LinkAnswer, MapOptions, ServiceFields } from '../../../shared/socialMapApi.js';
import { postJson } from '../api.js';
import { useApi } from '../useApi.js';
import { ServiceCard } from './ServiceCard.js';
import { ServiceForm } from './ServiceForm.js';
import './socialMap.css';

/**
 * The page a service's contact person opens from their one-time link, without an account
 * (SPEC SM5): the service as the map shows it, "yes, still right" in one press, or a form to
 * correct it. The link works once; afterwards (or when it expired) the page says whom to ask.
 */
export function ConfirmServicePage() {
  const { t } = useTranslation('socialMap');
  const { token } = useParams();
  const path = `/api/social-map/confirm/${token}`;
  const { data, error } = useApi<LinkAnswer>(path);
  const [changing, setChanging] = useState(false);
  const [answered, setAnswered] = useState<'confirmed' | 'changed' | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  if (answered)
    return (
      <div className="social-map confirm-page">
        <p role="status" className="form-ok big">
          {t(answered === 'changed' ? 'confirm.thanksChanged' : 'confirm.thanks')}
        </p>
      </div>
    );
  if (error)
    return (
      <div className="social-map confirm-page">
        <h1>{t('title')}</h1>
        <p role="alert">{t('confirm.unusable')}</p>
      </div>
    );
  if (!data) return null;
  const service = data.service;
  // The contact person's form chooses from the neighbourhoods of the service's district.
  const options: Pick<MapOptions, 'districts' | 'organisations'> = {
    districts: [
      {
        id: service.districtId,
        name: '',
        neighbourhoods: data.neighbourhoods,
      },
    ],
    organisations: [{ id: service.organisationId, name: service.organisationName, kind: '' }],
  };
  const send = async (fields?: Omit<ServiceFields, 'organisationId' | 'status'>) => {
    setFailed(null);
    try {
      await postJson(path, fields ? { fields } : {});
      setAnswered(fields ? 'changed' : 'confirmed');
    } catch (err) {
      if (!fields) setFailed(t('confirm.unusable'));
      throw err;
    }
  };
  return (
    <div className="social-map confirm-page">
      <h1>{t('confirm.title', { name: service.name })}</h1>
      <p>{t('confirm.intro')}</p>
      {changing ? (
        <ServiceForm
          service={service}
          options={options}
          districtId={service.districtId}
          mode="contact"
          onSubmit={async ({ organisationId: _o, status: _s, ...fields }) => send(fields)}
          onCancel={() => setChanging(false)}
        />
      ) : (
        <>
          <ServiceCard
            service={service}
            neighbourhoodName={(id) => data.neighbourhoods.find((n) => n.id === id)?.name ?? id}
            headingLevel={2}
          />
          {failed && <p role="alert">{failed}</p>}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void send().catch(() => undefined)}>
              {t('confirm.yes')}
            </button>
            <button type="button" onClick={() => setChanging(true)}>
              {t('confirm.change')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
