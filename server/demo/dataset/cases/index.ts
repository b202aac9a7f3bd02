// The fifteen demo cases in seeding order: five after a stroke, five psychiatric, five addiction.
import type { DemoCase } from '../../types.js';
import { henkBosman } from './stroke/henkBosman.js';
import { fatimaOuali } from './stroke/fatimaOuali.js';
import { wimHoogendoorn } from './stroke/wimHoogendoorn.js';
import { sunitaJagesar } from './stroke/sunitaJagesar.js';
import { ahmetYilmaz } from './stroke/ahmetYilmaz.js';
import { daanVerhoeven } from './psychiatric/daanVerhoeven.js';
import { mariamHaile } from './psychiatric/mariamHaile.js';
import { kevinDeWit } from './psychiatric/kevinDeWit.js';
import { ingridKuipers } from './psychiatric/ingridKuipers.js';
import { jorgeFernandes } from './psychiatric/jorgeFernandes.js';
import { patrickHendriks } from './addiction/patrickHendriks.js';
import { sharonPinas } from './addiction/sharonPinas.js';
import { tomaszKowalski } from './addiction/tomaszKowalski.js';
import { bertScholten } from './addiction/bertScholten.js';
import { mitchellPattiasina } from './addiction/mitchellPattiasina.js';

export const cases: DemoCase[] = [
  // ——— Beroerte ———————————————————————————————————————————————————————————————————————
  henkBosman,
  fatimaOuali,
  wimHoogendoorn,
  sunitaJagesar,
  ahmetYilmaz,
  // ——— Psychiatrie ——————————————————————————————————————————————————————————————————————
  daanVerhoeven,
  mariamHaile,
  kevinDeWit,
  ingridKuipers,
  jorgeFernandes,
  // ——— Verslaving ———————————————————————————————————————————————————————————————————————
  patrickHendriks,
  sharonPinas,
  tomaszKowalski,
  bertScholten,
  mitchellPattiasina,
];
