import type { FastifyInstance } from 'fastify';

/** A JSON body whose bytes are not UTF-8: refused (400 BAD_REQUEST), never stored with replacements. */
export class InvalidUtf8Error extends Error {
  readonly statusCode = 400;
  constructor() {
    super('The request body is not valid UTF-8: send the JSON encoded in UTF-8.');
    this.name = 'InvalidUtf8Error';
  }
}

/**
 * JSON bodies decoded strictly. Fastify reads a body as a string, turning bytes that are not UTF-8
 * (an invalid, overlong or truncated sequence) into U+FFFD, so a claimant's name would be recorded other
 * than it was sent. Input is recorded exactly or refused: the body is decoded with a fatal decoder, then
 * parsed by Fastify's own JSON parser (with its prototype-poisoning checks).
 */
export function acceptStrictUtf8Json(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decoder.decode(body as Buffer);
    } catch {
      done(new InvalidUtf8Error(), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
