import type { Translation } from '../types.js';
import type { nlCore } from '../nl/core.js';

/** English: the app around the pages: navigation, sign-in and the words of the domain. */
export const enCore: Translation<typeof nlCore> = {
  login: {
    heading: 'Sign in',
    intro: 'Sign in with your username and password.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Could not sign in: {{message}}',
  },
  common: {
    loading: 'Loading…',
    notFound: 'This page does not exist.',
    justNow: 'just now',
    tableOf: 'Table: {{name}}',
  },
  nav: {
    myPlan: 'My plan',
    admin: 'Administration',
    signedInAs: 'Signed in as {{name}}',
    password: 'Change password',
    signOut: 'Sign out',
    skip: 'Skip to content',
    label: 'Main menu',
    clients: 'Clients',
    language: 'Language',
  },
  case: { coordinator: 'Coordinator' },
  recoveryContext: { stroke: 'Stroke', psychiatric: 'Psychiatric treatment', addiction: 'Addiction' },
  domain: { care: 'Care', housing: 'Housing', income: 'Income', work: 'Work and daytime activities' },
  domainIcon: { care: '✚', housing: '⌂', income: '€', work: '⚒' },
  phase: {
    treatment: 'During treatment',
    transition: 'Back home',
    rebuilding: 'Rebuilding',
    sustaining: 'Sustaining',
  },
  phaseShort: {
    treatment: 'Treatment',
    transition: 'Transition',
    rebuilding: 'Rebuilding',
    sustaining: 'Sustaining',
  },
  phaseHint: {
    treatment: 'Recovery starts during treatment',
    transition: 'Back to home and daily life',
    rebuilding: 'Building up again',
    sustaining: 'Keeping it up, preventing relapse',
  },
  status: { open: 'Open', active: 'Active', achieved: 'Achieved', stalled: 'Stalled', dropped: 'Dropped' },
  perspective: {
    patient: 'Patient',
    unemployed: 'Job seeker',
    refugee: 'Refugee',
    'low-literacy': 'Low literacy',
    'ex-detainee': 'Ex-detainee',
  },
  contact: { of: 'Contact details of {{name}}' },
  connection: {
    connecting: 'Connecting…',
    online: 'Live',
    offline: 'Offline: changes are kept in this browser',
    refused: {
      4400: 'Disconnected: the server did not understand a message',
      4401: 'Not signed in',
      4403: 'No access to this board',
      4404: 'This board does not exist',
      4413: 'A change was too large to store',
      4422: 'A change was refused; reload the page',
      other: 'Connection refused (code {{code}})',
    },
  },
  presence: {
    label_one: '{{count}} person on this board',
    label_other: '{{count}} people on this board',
    you: '{{name}} (you)',
    guest: 'Guest',
    editing: '{{name}} is editing',
  },
};
