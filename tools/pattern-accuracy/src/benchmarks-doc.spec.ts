import { replaceSection } from './benchmarks-doc';

const SECTION = '## Log patterns\n\nnew figures\n';

describe('replaceSection', () => {
  it('appends the section to a document without it', () => {
    expect(replaceSection('# Benchmarks\n\n| a |\n', SECTION)).toBe('# Benchmarks\n\n| a |\n\n## Log patterns\n\nnew figures\n');
  });

  it('replaces the old section and keeps the sections around it', () => {
    const document = '# Benchmarks\n\n| a |\n\n## Log patterns\n\nold figures\n\n## Other\n\nkept\n';
    expect(replaceSection(document, SECTION)).toBe(
      '# Benchmarks\n\n| a |\n\n## Log patterns\n\nnew figures\n\n## Other\n\nkept\n',
    );
  });

  it('replaces a last section up to the end of the document', () => {
    const document = '# Benchmarks\n\n## Log patterns\n\nold figures\nmore old lines\n';
    expect(replaceSection(document, SECTION)).toBe('# Benchmarks\n\n## Log patterns\n\nnew figures\n');
  });
});
