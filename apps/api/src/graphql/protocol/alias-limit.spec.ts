import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { aliasLimitRule, tooManyAliasesError } from './alias-limit.js';

const schema = buildSchema(`
  type Query { country(code: String!): Country }
  type Country { code: String! name: String! }
`);

const aliased = (count: number, prefix = 'c') =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}: country(code: "K${i}") { code }`).join(' ');

function check(query: string, limit = 3) {
  return validate(schema, parse(query), [...specifiedRules, aliasLimitRule(limit)]);
}

describe('aliasLimitRule', () => {
  it('lets an operation use up to the limit', () => {
    expect(check(`{ ${aliased(3)} }`)).toEqual([]);
  });

  it('refuses one alias more with TOO_MANY_ALIASES, naming the count and the limit', () => {
    const [error, ...others] = check(`{ ${aliased(4)} }`);
    expect(others).toEqual([]);
    expect(error!.message).toBe(
      'The operation uses 4 aliases, above the limit of 3: ask for fewer aliased fields in one operation.',
    );
    expect(error!.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 3, aliases: 4 });
  });

  it('counts nested aliases and each spread of a fragment', () => {
    expect(
      check(`{ a: country(code: "KH") { c: code n: name } b: country(code: "TH") { code } }`),
    ).toHaveLength(1);
    const spreadTwice = `query { x: country(code: "KH") { ...F } y: country(code: "TH") { ...F } }
      fragment F on Country { c: code }`;
    expect(check(spreadTwice)[0]!.extensions).toMatchObject({ aliases: 4 });
  });

  it('counts per operation', () => {
    expect(check(`query A { ${aliased(3)} } query B { ${aliased(3)} }`)).toEqual([]);
  });

  it('lets __typename be aliased freely', () => {
    const typenames = Array.from({ length: 10 }, (_, i) => `t${i}: __typename`).join(' ');
    expect(check(`{ ${typenames} }`)).toEqual([]);
  });

  it('has a message without the count when it is not known', () => {
    expect(tooManyAliasesError(20, undefined).message).toBe(
      'The operation uses more aliases than the limit of 20: ask for fewer aliased fields in one operation.',
    );
  });
});
