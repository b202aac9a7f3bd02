import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { perspectivesOf } from '../../../shared/doc/board.js';
import { meetingNotes } from '../../../shared/doc/meetingCase.js';
import { perspectiveText } from '../../../shared/doc/perspectives.js';
import { signalText } from '../../../shared/doc/signalPlan.js';
import { BoardDefaults } from '../../../server/sync/extensions/boardDefaults.js';

/** Two instances opening the same fresh document at once, each with its own copy. */
function twoInstancesOpen(documentName: string) {
  const copies = [new Y.Doc(), new Y.Doc()];
  for (const doc of copies) new BoardDefaults().onDocumentReady({ documentName, doc });
  return copies as [Y.Doc, Y.Doc];
}

const merge = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
};

describe('[SI2] the empty structure of a fresh document is the same on every instance', () => {
  it('a board opened on two instances at once keeps what was typed into either copy', () => {
    const [a, b] = twoInstancesOpen('case:c1:shared');
    expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b));
    perspectiveText(a, 'patient', 'situation').insert(0, 'via A;');
    perspectiveText(b, 'patient', 'situation').insert(0, 'via B;');
    signalText(a, 'amber', 'signs').insert(0, 'slaapt slecht;');
    signalText(b, 'amber', 'signs').insert(0, 'belt niet terug;');
    merge(a, b);
    for (const doc of [a, b]) {
      expect(perspectiveText(doc, 'patient', 'situation').toString().split(';').sort()).toEqual([
        '',
        'via A',
        'via B',
      ]);
      expect(signalText(doc, 'amber', 'signs').toString()).toContain('slaapt slecht;');
      expect(signalText(doc, 'amber', 'signs').toString()).toContain('belt niet terug;');
    }
  });

  it("a meeting's case notes too, and another document gets a structure of its own", () => {
    const [a, b] = twoInstancesOpen('meeting:m1:case:c1');
    meetingNotes(a)!.insert(0, 'A;');
    meetingNotes(b)!.insert(0, 'B;');
    merge(a, b);
    expect(meetingNotes(a)!.toString().split(';').sort()).toEqual(['', 'A', 'B']);
    // Each board has a client id of its own: two boards' structures never share an item id.
    const [one] = twoInstancesOpen('case:c1:shared');
    const [other] = twoInstancesOpen('case:c2:shared');
    expect([...Y.decodeStateVector(Y.encodeStateVector(other)).keys()]).not.toEqual([
      ...Y.decodeStateVector(Y.encodeStateVector(one)).keys(),
    ]);
  });

  it('a board that has its structure already gets nothing new', () => {
    const [a] = twoInstancesOpen('case:c1:shared');
    const before = Y.encodeStateAsUpdate(a);
    new BoardDefaults().onDocumentReady({ documentName: 'case:c1:shared', doc: a });
    expect(Y.encodeStateAsUpdate(a)).toEqual(before);
    expect([...perspectivesOf(a).keys()].length).toBeGreaterThan(0);
  });
});
