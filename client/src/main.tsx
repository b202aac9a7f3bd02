// Global styles first, so the CSS of each part of the app (imported by its components) comes later
// in the bundle and can refine them. Atkinson Hyperlegible, a highly legible font, is served from
// our own origin (no font CDN).
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';
import './forms.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initI18n } from './i18n/index.js';

// Dutch is in the bundle; English (when chosen) is fetched first, so no page flashes in Dutch.
void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
