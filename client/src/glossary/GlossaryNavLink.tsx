import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { glossaryTexts } from './texts.js';

/** The menu's way to the district's shared terms, in the person's language once its texts are in. */
export function GlossaryNavLink() {
  const [, setLoaded] = useState(false);
  useEffect(() => {
    void glossaryTexts().then(() => setLoaded(true));
  }, []);
  const { t } = useTranslation('glossary');
  return <Link to="/begrippen">{t('page.nav')}</Link>;
}
