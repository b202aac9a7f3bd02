import type { ComponentType } from 'react';
import { withTexts } from './pageTexts.js';

// Each page is a chunk of its own (issue 14, point 14): a client's plan does not download the
// board, the meetings, the caseload or the admin pages, and the sign-in page stays small.
export const pages = {
  login: () => import('./pages/LoginPage.js').then((m) => m.LoginPage),
  invitation: () => import('./pages/InvitationPage.js').then((m) => m.InvitationPage),
  twoFactor: () => import('./pages/TwoFactorPage.js').then((m) => m.TwoFactorPage),
  password: () => import('./pages/PasswordPage.js').then((m) => m.PasswordPage),
  caseload: () => import('./pages/CaseloadPage.js').then((m) => m.CaseloadPage),
  // The board shows the case's referrals and explains shared terms: their texts come with the
  // board (the social map's come with the goal editor, pages/BoardPage.tsx).
  board: () =>
    withTexts(
      import('./pages/BoardPage.js').then((m) => m.BoardPage),
      'referrals',
      'glossary',
    ),
  intake: () => import('./intake/IntakePage.js').then((m) => m.IntakePage),
  actions: () => import('./actions/MyActionsPage.js').then((m) => m.MyActionsPage),
  minutes: () => import('./meeting/MinutesPage.js').then((m) => m.MinutesPage),
  meetings: () => import('./meeting/MeetingsPage.js').then((m) => m.MeetingsPage),
  meeting: () => import('./meeting/MeetingPage.js').then((m) => m.MeetingPage),
  myPlan: () => import('./myplan/MyPlanPage.js').then((m) => m.MyPlanPage),
  myFile: () => import('./rights/ClientFilePage.js').then((m) => m.MyFilePage),
  caseFile: () => import('./rights/ClientFilePage.js').then((m) => m.CaseFilePage),
  // The admin keeps the shared terms and the standard letters (the referrals' texts) there too.
  admin: () =>
    withTexts(
      import('./pages/AdminPage.js').then((m) => m.AdminPage),
      'glossary',
      'referrals',
    ),
  glossary: () =>
    withTexts(
      import('./glossary/GlossaryPage.js').then((m) => m.GlossaryPage),
      'glossary',
    ),
  socialMap: () =>
    withTexts(
      import('./socialMap/SocialMapPage.js').then((m) => m.SocialMapPage),
      'socialMap',
    ),
  confirmService: () =>
    withTexts(
      import('./socialMap/ConfirmServicePage.js').then((m) => m.ConfirmServicePage),
      'socialMap',
    ),
  referrals: () =>
    withTexts(
      import('./referrals/ReferralsPage.js').then((m) => m.ReferralsPage),
      'referrals',
    ),
  collaborationHealth: () =>
    withTexts(
      import('./collaborationHealth/CollaborationHealthPage.js').then((m) => m.CollaborationHealthPage),
      'collaborationHealth',
    ),
} satisfies Record<string, () => Promise<ComponentType>>;
