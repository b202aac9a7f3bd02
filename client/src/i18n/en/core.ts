import { defaultPerspectiveNamesEn } from '../../../../shared/vocabulary.js';
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
  },
  common: {
    offlineUnavailable: 'This is not available now: there is no connection to the server.',
    loading: 'Loading…',
    pageFailed: 'This page could not be loaded. Check your connection and reload the page.',
    reload: 'Reload',
    notFound: 'This page does not exist.',
    justNow: 'just now',
    tableOf: 'Table: {{name}}',
  },
  nav: {
    glossary: 'Shared terms',
    socialMap: 'Social map',
    collaborationHealth: 'Collaboration',
    myPlan: 'My plan',
    admin: 'Administration',
    signedInAs: 'Signed in as {{name}}',
    password: 'Change password',
    signOut: 'Sign out',
    skip: 'Skip to content',
    label: 'Main menu',
    clients: 'Clients',
    meetings: 'Meetings',
    actions: 'My actions',
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
  perspective: defaultPerspectiveNamesEn,
  contact: { of: 'Contact details of {{name}}' },
  connection: {
    connecting: 'Connecting…',
    online: 'Live',
    offline: 'Offline: changes are kept in this browser',
    reconnecting: 'Reconnecting… your changes are kept',
    recovering: 'The server refused a change. The board is being fetched again and your work put back…',
    refused: {
      4400: 'The server did not understand a message from this browser. Reload the page. What was not saved is listed under ‘Not saved’.',
      4401: 'You are no longer signed in. Sign in again; what you typed is kept in this browser.',
      4403: 'No access to this board. Ask the coordinator for access if you need to work here.',
      4404: 'This board does not exist (any more). Go back to the overview.',
      4413: 'A change was too large for the server. Reload the page. What was not saved is listed under ‘Not saved’.',
      4422: 'The server refused a change. Reload the page. What was not saved is listed under ‘Not saved’.',
      other:
        'The connection was closed (code {{code}}). Reload the page. If that does not help, contact the administrator.',
    },
    refusedAgain:
      'The server refused your changes again. They are listed under ‘Not saved’: copy them and reload the page.',
  },
  presence: {
    label_one: '{{count}} person on this board',
    label_other: '{{count}} people on this board',
    you: '{{name}} (you)',
    guest: 'Guest',
    editing: '{{name}} is editing',
    typingHere: '{{names}} typing here too',
  },
  signalState: {
    name: { green: 'Green', amber: 'Orange', red: 'Red', none: 'Not observed yet' },
    meaning: {
      green: 'Going well',
      amber: 'Watch out: signs of relapse',
      red: 'Crisis: act now',
      none: 'Nothing recorded yet',
    },
  },
  signOut: {
    saving: 'Saving…',
    unsavedTitle: 'Not everything is saved yet',
    unsaved_one:
      'This computer holds work on {{count}} board that the server does not have yet (you are offline, or no longer have access). Stay signed in until you are connected again, or sign out anyway: that work is then deleted.',
    unsaved_other:
      'This computer holds work on {{count}} boards that the server does not have yet (you are offline, or no longer have access). Stay signed in until you are connected again, or sign out anyway: that work is then deleted.',
    retry: 'Try again',
    stay: 'Stay signed in',
    anyway: 'Sign out anyway and delete',
    expired:
      'Your session has ended. Please sign in again. Work you did offline that is not saved yet stays on this computer until you sign in again; if someone else signs in, it is deleted.',
  },
};
