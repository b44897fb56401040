import type { FastifyInstance } from 'fastify';
import { errorPage } from './dashboard-pages.js';
import { PAGE_CONTENT_SECURITY_POLICY } from './send-page.js';

/**
 * A person's browser over the rate limit gets a page saying when to retry, not JSON. The limiter refuses
 * in its hook, before any route runs, so Fastify writes its refusal as JSON; for a request that asks for
 * HTML, anywhere but GraphQL's route (which answers in its own shape), this swaps that body for the
 * dashboard's error page. The status (429) and Retry-After stay. Registered with the limiter, before any
 * route is added.
 */
export function answerRateLimitedBrowsersWithPages(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const wantsPage =
      reply.statusCode === 429 &&
      request.headers.accept?.includes('text/html') === true &&
      !request.url.startsWith('/graphql');
    if (!wantsPage) return payload;
    void reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
    return errorPage(429, messageOf(payload));
  });
}

/** The limiter's own words, from its JSON refusal. */
function messageOf(payload: unknown): string {
  try {
    const { message } = JSON.parse(String(payload)) as { message?: unknown };
    if (typeof message === 'string') return message;
  } catch {
    // Not the limiter's JSON: say it generally.
  }
  return 'Too many requests: wait a little, then reload the page.';
}
