import { checkDocumentNesting, DocumentTooDeepError } from './document-nesting.js';

describe('checkDocumentNesting', () => {
  it('lets honest documents through', () => {
    expect(() =>
      checkDocumentNesting(
        'query($id: ID!) { record(id: $id) { ... on Commitment { evidence { record { sources { url } } } } } }',
      ),
    ).not.toThrow();
    expect(() => checkDocumentNesting(`{ a(x: ${'['.repeat(64)}1${']'.repeat(64)}) }`, 66)).not.toThrow();
  });

  it.each([
    ['lists', `{a(x: ${'['.repeat(4990)}1${']'.repeat(4990)})}`],
    ['selections', `{${'a{'.repeat(2499)}b${'}'.repeat(2500)}}`],
    ['an unclosed run', '{'.repeat(100)],
  ])('refuses %s nested beyond the limit, before any parsing', (_, source) => {
    expect(() => checkDocumentNesting(source, 64)).toThrow(DocumentTooDeepError);
    expect(() => checkDocumentNesting(source, 64)).toThrow(/more than 64 deep/);
  });

  it('counts nothing inside strings and comments, and leaves lexical errors to the parser', () => {
    expect(() =>
      checkDocumentNesting(`{ a(x: "${'['.repeat(500)}") } # ${'{'.repeat(500)}`, 64),
    ).not.toThrow();
    expect(() => checkDocumentNesting('{ a(x: "unterminated) }', 64)).not.toThrow();
  });
});
