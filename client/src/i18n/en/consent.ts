import type { nlConsent } from '../nl/consent.js';
import type { Translation } from '../types.js';

/** English: consent to share, the client's own consents, the client's account, account recovery. */
export const enConsent: Translation<typeof nlConsent> = {
  consent: {
    heading: 'Consent to share',
    intro:
      "Medical and social notes stay within their own domain, unless the client consents to share them. The consent is the client's: they give and withdraw it in their own plan. On the client's behalf, the coordinator or the side that holds the notes records it; whoever would receive the notes never does.",
    none: 'No consent has been recorded yet.',
    compartment: 'What is shared',
    compartmentName: { medical: 'Medical notes', social: 'Social notes' },
    sharedWith: 'Shared with',
    withDomain: { medical: 'everyone in the medical domain', social: 'everyone in the social domain' },
    how: 'How given',
    howName: {
      spoken: 'Spoken',
      written: 'In writing',
      app: 'By the client, in the app',
      unknown: 'Not recorded',
    },
    recordedBy: 'Recorded by',
    byClient: '{{name}} (the client)',
    period: 'Valid',
    periodValue: 'given {{from}}, until {{until}}',
    state: 'State',
    inForce: 'In force',
    expiredOn: 'Ended after {{date}}',
    withdraw: 'Withdraw',
    withdrawNamed: 'Withdraw consent: {{what}} shared with {{whom}}',
    confirmWithdraw: 'Withdraw consent: stop sharing {{what}} with {{whom}}? This takes effect at once.',
    withdrawn: 'The consent has been withdrawn: {{what}} are no longer shared with {{whom}}.',
    withdrawnAt: 'Withdrawn on {{date}} by {{name}}',
    recorded: 'The consent has been recorded.',
    mayNotRecord:
      'You do not record consent here. The client does so in their own plan, or the coordinator or the side that holds the notes. Whoever would receive the notes never records the consent themselves.',
    record: {
      heading: "Record consent on the client's behalf",
      intro: 'Only record what the client said or signed themselves.',
      withWhom: 'With whom may it be shared?',
      withDomain: {
        medical: 'With everyone of the medical domain who works on this case',
        social: 'With everyone of the social domain who works on this case',
      },
      withPerson: 'With one person',
      person: 'Person',
      choose: 'Choose a person',
      how: 'How did the client give consent?',
      spoken: 'Spoken',
      written: 'In writing (signed)',
      givenOn: 'Day the client gave consent',
      validUntil: 'Valid until (inclusive)',
      validUntilHint:
        '{{months}} months after the day of consent by default, {{max}} months at most. Then the sharing stops by itself.',
      submit: 'Record consent',
    },
  },
  clientAccount: {
    active:
      '{{name}} already has an account. An invitation does not change it. Can {{name}} not sign in? Ask the functional administrator for a recovery link.',
    invited:
      '{{name}} has been invited already, but has not chosen a password yet. Does the link no longer work? Ask the functional administrator for a new link.',
  },
  recovery: {
    action: 'Recovery link',
    actionNamed: 'Make a recovery link for {{name}}',
    confirm:
      'Make a recovery link for {{name}}? The old password stops working, {{name}} is signed out everywhere and an earlier link stops working.',
    made: '{{name}} has been signed out everywhere and the old password no longer works. Give {{name}} the link below.',
    link: 'One-time recovery link for {{name}}',
  },
};
