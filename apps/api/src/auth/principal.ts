import type { Role } from '@tracker/tracking';

/** Who a request or a WebSocket connection acts as. */
export type Principal =
  { kind: 'token'; actor: string; role: Role; tokenId: string } | { kind: 'anonymous'; actor: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous', actor: 'anonymous' };
