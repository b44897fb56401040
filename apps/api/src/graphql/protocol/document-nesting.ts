import { Lexer, Source, TokenKind } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits.js';

const OPENING: ReadonlySet<TokenKind> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<TokenKind> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** A document nested deeper than GRAPHQL_LIMITS.maxNesting: QUERY_TOO_DEEP, before it is parsed. */
export class DocumentTooDeepError extends Error {
  readonly code = 'QUERY_TOO_DEEP';
  constructor(readonly limit: number) {
    super(
      `The document nests braces, brackets or parentheses more than ${limit} deep, the limit: ask for less nested data, and put input values in variables.`,
    );
    this.name = 'DocumentTooDeepError';
  }
}

/**
 * Refuses a document nested too deeply for graphql-js's recursive parser, which a few thousand `[` or
 * `{` (well under the token limit) overflow: the stack error would reach the client as an internal
 * error. The lexer does not recurse, and stops at the token limit, so this costs a scan of at most
 * `maxTokens` tokens. Lexical errors are left for the parser to report as it always does.
 */
export function checkDocumentNesting(source: string, limit: number = GRAPHQL_LIMITS.maxNesting): void {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  try {
    for (let count = 0; count < GRAPHQL_LIMITS.maxTokens; count++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return;
      if (OPENING.has(token.kind) && ++depth > limit) throw new DocumentTooDeepError(limit);
      if (CLOSING.has(token.kind)) depth--;
    }
  } catch (error) {
    if (error instanceof DocumentTooDeepError) throw error;
  }
}

/** Mercurius `preParsing` hook (HTTP): the nesting check before Mercurius parses the document. */
export function documentNestingHook(_schema: unknown, source: string): void {
  checkDocumentNesting(source);
}
