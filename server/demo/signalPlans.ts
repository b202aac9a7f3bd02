import type * as Y from 'yjs';
import type { RelapseKind } from '../../shared/doc/signalPlanShape.js';
import {
  appendObservation,
  ensureSignalPlan,
  protectiveFactorsText,
  setCallContact,
  setRelapseKind,
  signalText,
} from '../../shared/doc/signalPlan.js';
import type { SignalStateTextField } from '../../shared/doc/signalPlan.js';
import type { SignalState } from '../../shared/risk.js';
import type { DemoCase } from './types.js';

type StateTexts = Record<SignalStateTextField, string>;
interface Template {
  kinds: RelapseKind[];
  protective: string;
  states: Record<SignalState, StateTexts>;
}

/** Signal plans as teams write them, per kind of recovery. */
const templates: Record<DemoCase['recoveryContext'], Template> = {
  stroke: {
    kinds: ['somatic'],
    protective: 'Vaste dagstructuur, dagelijks wandelen, familie die meekijkt met medicijnen.',
    states: {
      green: {
        signs: 'Slaapt goed, neemt medicijnen op tijd, loopt zijn vaste rondje.',
        triggers: 'Drukte rond afspraken, warm weer.',
        clientActions: 'Medicijnen uit de weekdoos, elke dag naar buiten.',
        networkActions: 'Familie belt om de dag even.',
        professionalActions: 'Bloeddruk elke maand meten.',
      },
      amber: {
        signs: 'Hoofdpijn, duizelig, vergeet medicijnen, trekt zich terug.',
        triggers: 'Stress over geld of brieven, slecht slapen.',
        clientActions: 'Rust nemen, bloeddruk laten meten, de wijkverpleegkundige bellen.',
        networkActions: 'Medicijnen samen nalopen, afspraken overnemen.',
        professionalActions: 'Binnen twee dagen huisbezoek, huisarts op de hoogte.',
      },
      red: {
        signs: 'Scheve mond, arm of been slap, spreekt onduidelijk, plots erge hoofdpijn.',
        triggers: '—',
        clientActions: 'Direct 112 bellen.',
        networkActions: '112 bellen, tijdstip onthouden, niet laten eten of drinken.',
        professionalActions: 'Huisarts en regievoerder informeren, na opname overleg plannen.',
      },
    },
  },
  psychiatric: {
    kinds: ['psychiatric'],
    protective: 'Dagbesteding drie dagen per week, contact met zus, vaste afspraken met de FACT-begeleider.',
    states: {
      green: {
        signs: 'Komt naar dagbesteding, eet en slaapt regelmatig, houdt contact.',
        triggers: 'Veranderingen in begeleiding, eenzaamheid in het weekend.',
        clientActions: 'Dagritme aanhouden, medicatie nemen, weekend plannen.',
        networkActions: 'Zus komt op zondag langs.',
        professionalActions: 'Elke twee weken gesprek, medicatie elke drie maanden bespreken.',
      },
      amber: {
        signs: 'Slaapt slecht, achterdochtig, zegt afspraken af, blijft binnen.',
        triggers: 'Ruzie met buren, brieven van instanties, stoppen met medicatie.',
        clientActions: 'Begeleider bellen, structuur vasthouden, niet alleen blijven.',
        networkActions: 'Vaker langsgaan, begeleider laten weten wat opvalt.',
        professionalActions: 'Binnen een week extra contact, psychiater betrekken, medicatie nalopen.',
      },
      red: {
        signs: 'Hoort stemmen, slaapt niet meer, bedreigd gevoel, zorgt niet meer voor zichzelf.',
        triggers: '—',
        clientActions: 'Crisisdienst bellen of laten bellen.',
        networkActions: 'Crisisdienst bellen, bij hem blijven.',
        professionalActions: 'Crisisbeoordeling dezelfde dag, regievoerder informeren.',
      },
    },
  },
  addiction: {
    kinds: ['addiction'],
    protective: 'Herstelgroep bij De Brug, werk in de ochtend, geen contact met oude vrienden.',
    states: {
      green: {
        signs: 'Gaat naar de herstelgroep, heeft geld voor de week, houdt afspraken.',
        triggers: 'Weekenden, vrij hebben, contact met oude vrienden.',
        clientActions: 'Dagplanning maken, naar de groep, budget per week.',
        networkActions: 'Ervaringsdeskundige belt op vrijdag.',
        professionalActions: 'Elke twee weken gesprek, urinecontrole volgens afspraak.',
      },
      amber: {
        signs: 'Craving, mist afspraken, geld op voor het eind van de week, liegt over waar hij was.',
        triggers: 'Schuldeisers aan de deur, ruzie thuis, loon of uitkering binnen.',
        clientActions: 'Ervaringsdeskundige of behandelaar bellen, geld laten beheren.',
        networkActions: 'Samen de dag doorlopen, niet alleen laten in het weekend.',
        professionalActions: 'Binnen drie dagen gesprek, budgetbeheer tijdelijk strakker.',
      },
      red: {
        signs: 'Gebruikt weer, niet bereikbaar, schulden lopen snel op.',
        triggers: '—',
        clientActions: 'Behandelaar bellen; bij gevaar 112.',
        networkActions: 'Behandelaar bellen, geen geld geven.',
        professionalActions: 'Zelfde week overleg, opname of intensiever traject bespreken.',
      },
    },
  },
};

const iso = (today: Date, days: number) => new Date(today.getTime() + days * 86_400_000).toISOString();

/**
 * Fills a demo board's signal plan and a short history of observations: most clients green, some
 * amber lately, one red, so the caseload shows every state and its reasons.
 */
export function seedSignalPlan(
  doc: Y.Doc,
  demoCase: DemoCase,
  index: number,
  today: Date,
  coordinatorName: string,
): void {
  ensureSignalPlan(doc);
  const template = templates[demoCase.recoveryContext];
  const coordinator = demoCase.coordinatorId;
  doc.transact(() => {
    for (const kind of template.kinds) setRelapseKind(doc, kind, true);
    protectiveFactorsText(doc).insert(0, template.protective);
    for (const state of ['green', 'amber', 'red'] as const) {
      for (const [field, content] of Object.entries(template.states[state]) as [
        SignalStateTextField,
        string,
      ][]) {
        signalText(doc, state, field).insert(0, content);
      }
    }
    setCallContact(doc, 'green', { name: 'Regievoerder', phone: '' });
    setCallContact(doc, 'amber', { name: 'Regievoerder', phone: '' });
    setCallContact(doc, 'red', {
      name: demoCase.recoveryContext === 'psychiatric' ? 'Crisisdienst GGZ' : 'Huisartsenpost',
      phone: '0900-1234567',
    });
  });
  const history: { days: number; state: SignalState; note: string }[] = [
    { days: -45, state: 'green', note: 'Plan samen met de cliënt doorgenomen; het gaat stabiel.' },
  ];
  if (index % 5 === 1)
    history.push({
      days: -6,
      state: 'amber',
      note: 'Afspraken twee keer afgezegd, slaapt slecht volgens familie.',
    });
  if (index % 7 === 3) {
    history.push({ days: -12, state: 'amber', note: 'Meer onrust, minder contact met de begeleiding.' });
    history.push({
      days: -2,
      state: 'red',
      note: 'Familie belde: het gaat snel slechter; crisisafspraak gemaakt.',
    });
  }
  if (index % 4 === 2) history.length = 0; // nobody has looked yet: the caseload says so
  for (const h of history) {
    appendObservation(doc, {
      at: iso(today, h.days),
      authorId: coordinator,
      authorName: coordinatorName,
      state: h.state,
      note: h.note,
      relapse: false,
      moves: [],
    });
  }
}
