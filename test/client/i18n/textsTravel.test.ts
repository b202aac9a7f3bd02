import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nlCore } from '../../../client/src/i18n/nl/core.js';
import { nl } from '../../../client/src/i18n/nl.js';

/**
 * The Dutch texts travel with the pages that use them (client/src/i18n/dutch.ts): a component
 * shows a word only if its module imports the area that holds it, or the word is one of those
 * every page has (core). A component that forgot the import would show a raw key such as
 * "board.gridLabel" whenever its page is the first one opened. Read from the source: every key a
 * file names in quotes (`t('board.gridLabel')`, a key in a table, a key built as
 * `` `signalState.name.${key}` ``) counts.
 */
const srcDir = path.resolve('client/src');
const areasDir = path.join(srcDir, 'i18n', 'nl');
const atEveryPage = new Set(Object.keys(nlCore));

/** Each top-level key of the Dutch texts that comes with a page, and the area file that holds it. */
function areaOfGroup(): Map<string, string> {
  const byGroup = new Map<string, string>();
  for (const file of fs.readdirSync(areasDir)) {
    const text = fs.readFileSync(path.join(areasDir, file), 'utf8');
    if (!text.includes('addDutch(')) continue;
    for (const [, group] of text.matchAll(/^ {2}([a-zA-Z]+):/gm))
      byGroup.set(group!, file.replace(/\.ts$/, ''));
  }
  return byGroup;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the Dutch texts come with the components that show them', () => {
  const byGroup = areaOfGroup();

  it('knows every top-level group of the Dutch texts as either at every page or in one area', () => {
    const unplaced = Object.keys(nl).filter((group) => !atEveryPage.has(group) && !byGroup.has(group));
    expect(unplaced).toEqual([]);
    expect(byGroup.size).toBeGreaterThan(20);
  });

  it('has every component import the areas of the words it shows', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const text = fs.readFileSync(file, 'utf8');
      const relative = path.relative(path.dirname(file), areasDir).split(path.sep).join('/');
      const needed = new Set<string>();
      for (const [, group] of text.matchAll(/['"`]([a-zA-Z]+)\./g)) {
        const area = byGroup.get(group!);
        if (area) needed.add(area);
      }
      for (const area of needed) {
        const spec = `${relative.startsWith('.') ? relative : `./${relative}`}/${area}.js`;
        if (!text.includes(`import '${spec}';`))
          missing.push(`${path.relative(srcDir, file)} shows words of ${area} without importing it`);
      }
    }
    expect(missing).toEqual([]);
  });
});
