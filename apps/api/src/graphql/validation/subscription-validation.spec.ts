import { buildSchema, GraphQLError, parse } from 'graphql';
import { checkSubscriptionSource, validateSubscription } from './subscription-validation.js';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Subscription { changed(kind: String): Change }
  type Change { id: ID! kind: String! }
`);

function refusal(query: string): GraphQLError | undefined {
  try {
    checkSubscriptionSource(query);
    validateSubscription(schema, parse(query));
  } catch (error) {
    return error as GraphQLError;
  }
  return undefined;
}

describe('validateSubscription', () => {
  it('lets a valid subscription through', () => {
    expect(refusal('subscription { changed { id } }')).toBeUndefined();
  });

  it('refuses an invalid one with GRAPHQL_VALIDATION_FAILED', () => {
    expect(refusal('subscription { changed { nope } }')?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('refuses too many aliases with TOO_MANY_ALIASES', () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `i${i}: id`).join(' ');
    const error = refusal(`subscription { changed { ${aliases} } }`);
    expect(error?.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 20, aliases: 21 });
  });

  it('refuses a document over the token limit with DOCUMENT_TOO_LARGE, before validating it', () => {
    // `subscription {`, `changed {`, n fields, `} }`: n + 6 tokens.
    const atTheLimit = `subscription { changed { ${'id '.repeat(4994)}} }`;
    expect(() => checkSubscriptionSource(atTheLimit)).not.toThrow();
    const error = refusal(`subscription { changed { ${'id '.repeat(4995)}} }`);
    expect(error?.extensions).toEqual({ code: 'DOCUMENT_TOO_LARGE', limit: 5000 });
  });

  it('refuses a document deeper than the limit with QUERY_TOO_DEEP, measured as on HTTP', () => {
    const deep = (levels: number) =>
      `subscription { node { ${'child { '.repeat(levels - 2)}id${' }'.repeat(levels - 2)} } }`;
    expect(() => checkSubscriptionSource(deep(12))).not.toThrow();
    let error: GraphQLError | undefined;
    try {
      checkSubscriptionSource(deep(13));
    } catch (thrown) {
      error = thrown as GraphQLError;
    }
    expect(error?.message).toBe(
      'The operation is 13 levels deep, above the limit of 12: ask for less nested data.',
    );
    expect(error?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 13, limit: 12 });
  });

  it('refuses a ready-made AST instead of a document (it was never parsed, so never measured)', () => {
    const ast = JSON.parse(JSON.stringify(parse('subscription { changed { id } }', { noLocation: true })));
    expect(() => validateSubscription(schema, ast)).toThrow(/"query" must be a string/);
  });

  it('refuses a document graphql-js gave up validating with QUERY_TOO_COMPLEX', () => {
    // The same field 1,200 times: under the token limit, but too much work to compare for graphql-js.
    const repeated = 'changed { id } '.repeat(1200);
    expect(refusal(`subscription { ${repeated} }`)?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });
});
