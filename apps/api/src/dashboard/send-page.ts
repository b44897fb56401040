import type { FastifyReply } from 'fastify';

/** Everything a page loads is its own; nothing may be framed or fetched from elsewhere. */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/** Sends a rendered page with its status, as HTML under the pages' Content-Security-Policy. */
export function sendPage(reply: FastifyReply, status: number, page: string): void {
  void reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
    .send(page);
}
