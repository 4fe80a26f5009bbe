import { groupTemplates, type TemplateCount } from './group-templates';

const OPENSSH: TemplateCount[] = [
  { template: 'Invalid user admin from <*>', count: 21 },
  { template: 'Invalid user oracle from <*>', count: 6 },
  { template: 'Invalid user <*> from <*>', count: 10 },
  { template: 'Failed password for root from <*> port <*> ssh2', count: 368 },
  { template: 'Failed password for uucp from <*> port <*> ssh2', count: 5 },
  { template: 'Accepted password for root from <*> port <*> ssh2', count: 1 },
  { template: 'Connection closed by <*> [preauth]', count: 34 },
];

describe('groupTemplates', () => {
  it('groups templates that differ in a word the masks could not know, busiest first', () => {
    const groups = groupTemplates(OPENSSH);
    expect(groups.map(({ template, count }) => ({ template, count }))).toEqual([
      { template: 'Failed password for <*> from <*> port <*> ssh2', count: 373 },
      { template: 'Invalid user <*> from <*>', count: 37 },
      { template: 'Connection closed by <*> [preauth]', count: 34 },
      { template: 'Accepted password for root from <*> port <*> ssh2', count: 1 },
    ]);
    expect(groups[1].members.map((member) => member.template)).toEqual([
      'Invalid user admin from <*>',
      'Invalid user <*> from <*>',
      'Invalid user oracle from <*>',
    ]);
  });

  it('keeps apart templates that differ in too many places, in their first tokens, or in length', () => {
    const groups = groupTemplates([
      { template: '<*> TaskAttempt Transitioned from NEW to UNASSIGNED', count: 14 },
      { template: '<*> TaskAttempt Transitioned from ASSIGNED to RUNNING', count: 10 },
      { template: 'cupsd startup succeeded', count: 6 },
      { template: 'klogd startup succeeded', count: 1 },
      { template: 'session closed for user <*>', count: 3 },
      { template: 'session closed for user <*> by <*>', count: 2 },
    ]);
    expect(groups).toHaveLength(6);
  });

  it('merges more with a lower similarity', () => {
    const groups = groupTemplates(
      [
        { template: '<*> TaskAttempt Transitioned from NEW to UNASSIGNED', count: 14 },
        { template: '<*> TaskAttempt Transitioned from ASSIGNED to RUNNING', count: 10 },
      ],
      { similarity: 0.5 },
    );
    expect(groups.map((group) => group.template)).toEqual(['<*> TaskAttempt Transitioned from <*> to <*>']);
  });

  it('returns the same groups whatever order the templates come in', () => {
    const expected = groupTemplates(OPENSSH);
    for (const order of [[...OPENSSH].reverse(), [...OPENSSH.slice(3), ...OPENSSH.slice(0, 3)]]) {
      expect(groupTemplates(order)).toEqual(expected);
    }
  });

  it('keeps the fields of its inputs, so a caller can sum its own figures per pattern', () => {
    const [group] = groupTemplates([
      { template: 'Invalid user admin from <*>', count: 2, patternId: 'a' },
      { template: 'Invalid user guest from <*>', count: 1, patternId: 'b' },
    ]);
    expect(group.members.map((member) => member.patternId)).toEqual(['a', 'b']);
  });
});
