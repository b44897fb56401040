import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Any JSON value, as stored: an event's data and metadata, whose shape depends on its type. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (object, array, string, number, boolean or null).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
