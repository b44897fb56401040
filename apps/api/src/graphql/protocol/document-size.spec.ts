import { GraphQLError, parse } from 'graphql';
import { documentTooLargeError, parserTokenLimit } from './document-size.js';

/** What graphql-js's parser says of a document over its token limit. */
function parserRefusal(source: string, maxTokens: number): string {
  try {
    parse(source, { maxTokens });
  } catch (error) {
    return (error as GraphQLError).message;
  }
  return 'accepted';
}

describe('document size', () => {
  it("reads the limit from the parser's refusal, and nothing from other syntax errors", () => {
    // `{ a b c }` is 5 tokens.
    expect(parserRefusal('{ a b c }', 5)).toBe('accepted');
    expect(parserTokenLimit(parserRefusal('{ a b c }', 4))).toBe(4);
    expect(parserTokenLimit(parserRefusal('{ a', 100))).toBeUndefined();
  });

  it('refuses in client shape, naming the limit', () => {
    const error = documentTooLargeError(5000);
    expect(error.message).toBe(
      'The document has more than 5000 tokens, the limit: send fewer operations or fields at once, and put input values in variables.',
    );
    expect(error.extensions).toEqual({ code: 'DOCUMENT_TOO_LARGE', limit: 5000 });
  });
});
