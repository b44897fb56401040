import { readFileSync } from 'node:fs';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { gql } from './support/gql.js';
import { subscribe, type SubscriptionHandle } from './support/subscriptions.js';

/*
 * The README's "Asking it: the eight questions" stays true: every GraphQL block of that section is run,
 * in order, against a server on the demo data, as a reader pasting it into GraphiQL would: queries
 * anonymously (with the variables block that follows them), mutations with a reviewer's token,
 * subscriptions over graphql-ws, each receiving the mutation that follows it. Each must answer without
 * errors and with data that is not empty.
 */

const SECTION_TITLE = '## Asking it: the eight questions';
const ACTORS_SECTION_TITLE = '## Actors and allegations: who says, claims and alleges what';

interface Operation {
  question: number;
  kind: 'query' | 'mutation' | 'subscription';
  name: string;
  document: string;
  variables?: Record<string, unknown>;
}

/** A section's GraphQL blocks, each with the JSON variables block that follows it, if any. */
function readmeOperations(title = SECTION_TITLE): Operation[] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(`${title}\n`);
  if (start < 0) throw new Error(`README.md has no section "${title}"`);
  const end = readme.indexOf('\n## ', start + title.length);
  const section = readme.slice(start, end < 0 ? undefined : end);

  const operations: Operation[] = [];
  let question = 0;
  const pieces = /^### (\d)\. |^```(graphql|json)\n([\s\S]*?)^```$/gm;
  for (const match of section.matchAll(pieces)) {
    if (match[1] !== undefined) {
      question = Number(match[1]);
      continue;
    }
    const [, , lang, text] = match;
    if (lang === 'json') {
      const previous = operations.at(-1);
      if (previous === undefined || previous.variables !== undefined) {
        throw new Error(`A JSON block in README.md follows no GraphQL block of its own: ${text}`);
      }
      previous.variables = JSON.parse(text!) as Record<string, unknown>;
      continue;
    }
    const head = /^(query|mutation|subscription)\s+(\w+)/.exec(text!.trim());
    if (head === null) throw new Error(`A README.md GraphQL block is not a named operation: ${text}`);
    operations.push({
      question,
      kind: head[1] as Operation['kind'],
      name: head[2]!,
      document: text!,
    });
  }
  return operations;
}

/** Empty: null, an empty list, a connection with no edges, or an object of nothing but empty values. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return false;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.edges)) return object.edges.length === 0;
  return Object.values(object).every(isEmpty);
}

function expectAnswered(name: string, result: { errors?: unknown; data?: unknown }) {
  expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
  const data = result.data as Record<string, unknown>;
  for (const [field, value] of Object.entries(data)) {
    expect({ name, field, empty: isEmpty(value) }).toEqual({ name, field, empty: false });
  }
}

const operations = readmeOperations();

describe('the README questions, pasted into a demo server', () => {
  let server: RunningServer;
  const answers = new Map<string, any>();
  const open: { name: string; handle: SubscriptionHandle<any> }[] = [];

  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(async () => {
    for (const { handle } of open) await handle.close();
    await server.stop();
  });

  it('has all eight questions, each with something to paste', () => {
    const questions = [...new Set(operations.map((operation) => operation.question))];
    expect(questions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(operations.filter((operation) => operation.kind === 'subscription')).toHaveLength(2);
  });

  async function query(operation: Operation, variables = operation.variables) {
    const result = await gql(server.url, operation.document, variables);
    expectAnswered(operation.name, result);
    return result.data;
  }

  /** Variables a reader takes from an earlier answer, as the README says. */
  function variablesFor(operation: Operation): Record<string, unknown> | undefined {
    if (operation.name === 'OverdueAtMeeting') {
      // The README's meeting id is one that FindMeetings lists.
      const found = answers.get('FindMeetings').records.edges.map((edge: any) => edge.node.id);
      expect(found).toContain(operation.variables!.meeting);
    }
    return operation.variables;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('question %i', async (question) => {
    for (const operation of operations.filter((o) => o.question === question)) {
      if (operation.kind === 'query') {
        answers.set(operation.name, await query(operation, variablesFor(operation)));
      } else if (operation.kind === 'subscription') {
        const handle = await subscribe(server, operation.document, operation.variables);
        open.push({ name: operation.name, handle });
      } else {
        const result = await gql(server.url, operation.document, operation.variables, {
          token: server.tokens.reviewer,
        });
        expectAnswered(operation.name, result);
        // Every subscription the README opened before it receives it.
        while (open.length > 0) {
          const { name, handle } = open.shift()!;
          expectAnswered(name, await handle.next());
          await handle.close();
        }
        if (operation.name === 'CorrectShutdownCount') {
          const asOf = operations.find((o) => o.name === 'CambodiaAsOf')!;
          // As pasted: before the demo, nothing yet; now, the correction.
          const pasted = (await query(asOf)) as any;
          expect(pasted.then).toMatchObject({ recordCount: 0, stats: { shutdownsByPeriod: [] } });
          expect(pasted.now.stats.shutdownsByPeriod[0].count).toBe(18500);
          // "run CambodiaAsOf again with that recordedAt: then keeps 18,000, now shows the correction"
          const recordedAt = answers.get('ShutdownHistory').history.edges[0].node.recordedAt;
          const again = (await query(asOf, { asOf: recordedAt })) as any;
          expect(again.then.stats.shutdownsByPeriod[0].count).toBe(18000);
          expect(again.now.stats.shutdownsByPeriod[0].count).toBe(18500);
        }
      }
    }
  });
});

describe("the README's actors and allegations, pasted into a demo server", () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers every block, in order: queries anonymously, mutations as a reviewer', async () => {
    const answers = new Map<string, any>();
    const actorsOperations = readmeOperations(ACTORS_SECTION_TITLE);
    expect(actorsOperations.length).toBeGreaterThanOrEqual(6);
    for (const operation of actorsOperations) {
      // `<the recordId X answered>`: what the mutation X answered, as a reader would paste it.
      const variables = JSON.parse(
        JSON.stringify(operation.variables ?? {}).replace(
          /<the recordId (\w+) answered>/g,
          (_, name: string) =>
            Object.values(answers.get(name) as Record<string, { recordId: string }>)[0]!.recordId,
        ),
      ) as Record<string, unknown>;
      const result = await gql(
        server.url,
        operation.document,
        variables,
        operation.kind === 'mutation' ? { token: server.tokens.reviewer } : {},
      );
      expectAnswered(operation.name, result);
      answers.set(operation.name, result.data);
    }
    // What the blocks say they show.
    expect(answers.get('WhoIsHuione').actors.edges[0].node.name).toBe('Huione Group');
    const alleged = answers.get('WhatEllipticAlleges').actor.references.edges[0].node;
    expect(alleged).toMatchObject({ role: 'ALLEGES', record: { allegationStatus: 'ALLEGED' } });
    expect(answers.get('RightsDefendersInKhmer').actors.edges[0].node.name).toBe('Am Sam Ath');
    expect(answers.get('TheDuplicateNow').actor.id).toBe('5b0f3e1a-2c4d-4e6f-8a1b-000000000018');
  });
});
