import type { EventStore } from '@tracker/event-store';
import { ApiTokenStore, isRole, ROLES } from '@tracker/tracking';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { parseExpiry } from './parse-expiry.js';
import { UsageError } from './usage-error.js';

export const TOKENS_USAGE = `tracker tokens create --name "<organisation>" --role <${ROLES.join('|')}> [--expires <ISO date | 30d | 12h>]
tracker tokens list [--json]
tracker tokens revoke <token id>`;

/** The actor recorded on token events made from the command line: who ran it, on which machine. */
function cliActor(): string {
  return `tracker-cli:${userInfo().username}@${hostname()}`;
}

/**
 * `tracker tokens ...`: issue, list and revoke API tokens in the event store. Returns the exit code.
 * The store is opened only once the arguments are known to be good: a usage error touches nothing.
 */
export async function runTokensCommand(
  args: string[],
  openStore: () => Promise<EventStore>,
  out: (line: string) => void,
): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const tokens = async () => new ApiTokenStore(await openStore());
  switch (action) {
    case 'create': {
      if (!values.name) throw new UsageError('--name is required');
      if (!isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const expiresAt = values.expires === undefined ? undefined : parseExpiry(values.expires, new Date());
      const { info, secret } = await (await tokens()).create(values.name, values.role, expiresAt, cliActor());
      out(
        `Created token ${info.id} for "${info.name}" with role ${info.role}${info.expiresAt ? `, expiring ${info.expiresAt}` : ''}.`,
      );
      out('The token, shown this once (only its hash is kept):');
      out(secret);
      return 0;
    }
    case 'list': {
      const listed = await (await tokens()).list();
      if (values.json) {
        out(JSON.stringify(listed, null, 2));
      } else {
        for (const t of listed) {
          const state = t.revokedAt
            ? `revoked ${t.revokedAt}`
            : t.expiresAt
              ? `expires ${t.expiresAt}`
              : 'active';
          out(`${t.id}  ${t.role.padEnd(8)}  ${t.name}  (created ${t.createdAt}; ${state})`);
        }
        if (listed.length === 0) out('No tokens.');
      }
      return 0;
    }
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw new UsageError('revoke needs a token id (see tokens list)');
      if (!(await (await tokens()).revoke(id, cliActor()))) {
        out(`No token ${id}.`);
        return 1;
      }
      out(`Token ${id} revoked.`);
      return 0;
    }
    default:
      throw new UsageError(`unknown tokens action ${action ?? '(none)'}`);
  }
}
