import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/*
 * GraphiQL, bundled at build time and served by the API (/graphiql), so it works with no network: queries
 * over HTTP, subscriptions over graphql-ws, both to this server. The Headers tab takes a token:
 * {"Authorization": "Bearer trk_..."}.
 */
const url = `${location.origin}/graphql`;
const fetcher = createGraphiQLFetcher({ url, subscriptionUrl: url.replace(/^http/, 'ws') });

/** The token a reader gave the dashboard, if any, for GraphiQL's Headers tab. */
function tokenHeaders(): string | undefined {
  const found = document.cookie.split(';').find((part) => part.trim().startsWith('tracker_token='));
  if (!found) return undefined;
  const token = decodeURIComponent(found.split('=').slice(1).join('='));
  return JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);
}

async function start(root: HTMLElement): Promise<void> {
  // The schema from the server, so GraphiQL sends no introspection query (it nests deeper than queries may).
  const response = await fetch('/graphiql/schema.graphql', { credentials: 'same-origin' });
  const schema = response.ok ? buildSchema(await response.text()) : undefined;
  const headers = tokenHeaders();
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      ...(schema ? { schema } : {}),
      ...(headers ? { headers } : {}),
      defaultEditorToolbarTabs: 'headers',
    } as never),
  );
}

const root = document.getElementById('graphiql');
if (root) void start(root);
