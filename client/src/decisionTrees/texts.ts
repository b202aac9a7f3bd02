import { nlTrees } from '../i18n/nl/trees.js';
import { addPageTexts } from '../i18n/pageTexts.js';

/** The decision trees' texts, registered by whatever shows the walker or the editor. */
export const treeTexts = () =>
  addPageTexts('trees', nlTrees, () => import('../i18n/en/trees.js').then((m) => m.enTrees));

/** `lazy(loadWalker)`: the walker from a goal, with its texts ready. */
export const loadWalker = () =>
  Promise.all([import('./TreeWalker.js'), treeTexts()]).then(([m]) => ({ default: m.TreeWalker }));

/** `lazy(loadTreesAdmin)`: the admin's section of trees and its editor, with their texts ready. */
export const loadTreesAdmin = () =>
  Promise.all([import('./TreeEditor.js'), treeTexts()]).then(([m]) => ({ default: m.TreesAdmin }));
