import { describe, expect, it } from 'vitest';
import { treeProblems, walkSummary, walkTree } from '../../shared/decisionTree.js';
import type { TreeContent, TreeNode } from '../../shared/decisionTree.js';
import { demoDecisionTree } from '../../server/demo/dataset/decisionTree.js';

const advice = (id: string): TreeNode => ({
  id,
  kind: 'advice',
  text: `Advies ${id}`,
  area: 'social',
  teamKind: 'neighbourhood-team',
  serviceId: null,
});
const tree = (nodes: TreeNode[], rootId = 'q1'): TreeContent => ({
  title: 'Boom',
  description: '',
  rootId,
  nodes,
});
const question = (id: string, ...answers: [string, string][]): TreeNode => ({
  id,
  kind: 'question',
  text: `Vraag ${id}?`,
  help: '',
  answers: answers.map(([answerId, next]) => ({ id: answerId, label: `Antwoord ${answerId}`, next })),
});

describe('[DT1] a tree is saved only when every answer leads somewhere', () => {
  it('the demo tree (the LESA split) is sound, and each of its advices names an area', () => {
    const demo = demoDecisionTree('32b03e94-a462-429b-b213-8db2440486a8');
    expect(treeProblems(demo)).toEqual([]);
    const areas = new Set(demo.nodes.flatMap((n) => (n.kind === 'advice' ? [n.area] : [])));
    expect([...areas].sort()).toEqual(['medical', 'shared', 'social']);
  });

  it.each<[string, TreeContent, RegExp]>([
    ['a missing root', tree([advice('a')], 'nope'), /^rootId: no node nope/],
    [
      'an answer to nowhere',
      tree([question('q1', ['x', 'a'], ['y', 'gone']), advice('a')]),
      /answers\.y\.next: no node gone/,
    ],
    ['a question with one answer', tree([question('q1', ['x', 'a']), advice('a')]), /at least two answers/],
    [
      'a node nothing leads to',
      tree([question('q1', ['x', 'a'], ['y', 'a']), advice('a'), advice('lost')]),
      /nodes\.lost: no answer leads here/,
    ],
    [
      'a way back',
      tree([question('q1', ['x', 'q2'], ['y', 'a']), question('q2', ['z', 'q1'], ['w', 'a']), advice('a')]),
      /leads back/,
    ],
    [
      'two nodes with one id',
      tree([question('q1', ['x', 'a'], ['y', 'a']), advice('a'), advice('a')]),
      /two nodes have the id a/,
    ],
    [
      'an empty question',
      tree([{ ...question('q1', ['x', 'a'], ['y', 'a']), text: ' ' } as TreeNode, advice('a')]),
      /q1\.text: must not be empty/,
    ],
  ])('refuses %s, naming where', (_what, content, problem) => {
    expect(treeProblems(content).join('\n')).toMatch(problem);
  });

  it('two answers may lead to the same node (a shared advice is not a way back)', () => {
    expect(
      treeProblems(
        tree([
          question('q1', ['x', 'q2'], ['y', 'a']),
          question('q2', ['z', 'a'], ['w', 'b']),
          advice('a'),
          advice('b'),
        ]),
      ),
    ).toEqual([]);
  });
});

describe('[DT4] walking a tree', () => {
  const demo = demoDecisionTree(null);
  it('follows the answers to an advice and says the walk in words', () => {
    const walk = walkTree(demo, ['a-leven', 'a-schulden-nee']);
    expect(walk.at).toMatchObject({
      id: 'advies-wijkteam',
      kind: 'advice',
      area: 'social',
      teamKind: 'neighbourhood-team',
    });
    expect(walkSummary(walk)).toBe(
      'Waar gaat de vraag vooral over? Wonen, geld, werk of meedoen. Zijn er schulden of betalingsachterstanden? Nee.',
    );
  });

  it('stops at the question whose answer does not belong to it, and at the start with no answers', () => {
    expect(walkTree(demo, []).at.id).toBe('q-onderwerp');
    const walk = walkTree(demo, ['a-gezondheid', 'a-schulden-ja']);
    expect(walk.at.id).toBe('q-acuut');
    expect(walk.steps).toHaveLength(1);
  });

  it('answers after an advice are ignored', () => {
    expect(walkTree(demo, ['a-beide', 'a-acuut-ja']).at.id).toBe('advies-samen');
  });
});
