import { html, jsonData, type Markup } from './html.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the pages read GraphQL answers of known queries */

/** Which assets a page loads: bundled at build time (scripts/build.mjs), served from /assets. */
const ASSETS = html`<link rel="icon" href="data:," />
  <link rel="stylesheet" href="/assets/app.css" />
  <script type="module" src="/assets/app.js"></script>`;

/** The frame every page shares: a skip link, the site's navigation, its main content. */
export function layout(title: string, main: Markup, options: { live?: string } = {}): string {
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} · Regional cooperation tracker</title>
      ${ASSETS}
    </head>
    <body data-live-country="${options.live ?? ''}">
      <a class="skip" href="#main">Skip to the content</a>
      <header>
        <nav aria-label="Site">
          <a href="/">Countries</a>
          <a href="/graphiql">GraphiQL</a>
          <button type="button" id="token-button" class="link">Token</button>
        </nav>
      </header>
      <main id="main">${main}</main>
      <p class="live" id="live-status" role="status" aria-live="polite"></p>
    </body>
  </html>`}`;
}

/** GraphiQL, from the bundled assets: it works with no network. */
export function graphiqlPage(): string {
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>GraphiQL · Regional cooperation tracker</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/assets/graphiql.css" />
      <script type="module" src="/assets/graphiql.js"></script>
    </head>
    <body>
      <div id="graphiql">Loading GraphiQL…</div>
    </body>
  </html>`}`;
}

/** Reading is closed and the request carried no token the server accepts: ask for one. */
export function tokenPage(reason: string): string {
  return layout(
    'Token needed',
    html`<h1>A token is needed to read</h1>
      <p>${reason}</p>
      <form id="token-form">
        <label for="token">API token (trk_…)</label>
        <input id="token" name="token" type="password" autocomplete="off" required />
        <button type="submit">Read with this token</button>
      </form>`,
  );
}

export function errorPage(status: number, message: string): string {
  return layout(
    `Error ${status}`,
    html`<h1>${message}</h1>
      <p><a href="/">Back to the countries</a></p>`,
  );
}

const number = (value: number) => value.toLocaleString('en');
/** A code as words: `TASK_FORCE` → `task force`. */
const words = (code: string) => code.replaceAll('_', ' ').toLowerCase();
const recordLink = (id: string, text: unknown) => html`<a href="/records/${id}">${text}</a>`;

function localNames(names: { locale: string; name: string }[]): Markup {
  return html`${names.map((n) => html` <span lang="${n.locale}" class="local-name">${n.name}</span>`)}`;
}

/** `/`: every country the records involve, with its headline figures. */
export function countriesPage(data: any): string {
  const rows = (data.countries as any[]).map(
    (country) =>
      html`<tr>
        <th scope="row">
          <a href="/countries/${country.code}">${country.name}</a>${localNames(country.localNames)}
        </th>
        <td>${number(country.recordCount)}</td>
        <td>${number(country.stats.commitments)}</td>
        <td>${number(country.stats.overdueCommitments)}</td>
        <td>${number(country.stats.activeTaskForces)}</td>
        <td>${number(country.stats.personsArrested)}</td>
        <td>${number(country.stats.journalistsDetained)}</td>
        <td>${number(country.stats.shutdownOperations)}</td>
      </tr>`,
  );
  return layout(
    'Countries',
    html`<h1>Countries</h1>
      <p>
        What governments in the region committed to and did about online-scam industries, from cited sources.
      </p>
      <div class="scroll">
        <table>
          <caption>
            Every country the records involve
          </caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Records</th>
              <th scope="col">Commitments</th>
              <th scope="col">Overdue</th>
              <th scope="col">Active task forces</th>
              <th scope="col">Persons arrested</th>
              <th scope="col">Journalists detained</th>
              <th scope="col">Shutdowns</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>`,
  );
}

/** `/countries/:code`: the profile, with charts drawn by the page's script from the data it embeds. */
export function countryPage(data: any, asOf: string | undefined): string {
  const country = data.country;
  const stats = country.stats;
  const timeline = (country.timeline.edges as any[]).map((edge) => edge.node);
  // Each number links to the records it counts: the country's records of that kind.
  const statRow = (label: string, value: number, kinds: string) =>
    html`<tr>
      <th scope="row">${label}</th>
      <td><a href="/countries/${country.code}/records?kinds=${kinds}">${number(value)}</a></td>
    </tr>`;
  // A section shows a first page; when there is more, it says how much and links to all of it.
  const rest = (shown: number, total: number, what: string, kinds: string, all: string) =>
    shown < total
      ? html`<p class="note">
          Showing ${number(shown)} of ${number(total)} ${what}:
          <a href="/countries/${country.code}/records?kinds=${kinds}">${all}</a
          >${asOf ? ' (as they stand now)' : ''}.
        </p>`
      : '';
  const commitments = (country.commitments.edges as any[]).map((edge) => edge.node);
  const signatories = [
    ...new Map(
      commitments.flatMap((c) => c.signatories.map((s: any) => [s.country.code, s.country])),
    ).values(),
  ] as { code: string; name: string }[];
  const matrix = html`<table>
    <caption>
      Follow-through: each commitment, each signatory's implementation
    </caption>
    <thead>
      <tr>
        <th scope="col">Commitment</th>
        ${signatories.map((s) => html`<th scope="col">${s.name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${commitments.map(
        (c) =>
          html`<tr>
            <th scope="row">
              ${recordLink(c.id, c.text)}<br /><small
                >made ${c.occurred.startDay}${c.deadline ? html`, due ${c.deadline.date}` : ''}</small
              >
            </th>
            ${signatories.map((s) => {
              const signatory = c.signatories.find((x: any) => x.country.code === s.code);
              if (!signatory) return html`<td>–</td>`;
              return html`<td class="status ${signatory.overdue ? 'overdue' : ''}">
                ${signatory.implementation.replaceAll('_', ' ')}${signatory.overdue ? html` <strong>overdue</strong>` : ''}
              </td>`;
            })}
          </tr>`,
      )}
    </tbody>
  </table>`;
  const detentions = (country.detentions.edges as any[]).map((edge) => edge.node);
  const taskForces = (country.taskForces.edges as any[]).map((edge) => edge.node);
  const figures = (country.figures.edges as any[]).map((edge) => edge.node);
  const figureRows = (list: any[], provenance: string) =>
    list.map(
      (f) =>
        html`<tr>
          <td>${provenance}</td>
          <td>${recordLink(f.id, number(f.value))} ${f.unit}</td>
          <td>${f.claimantId ? recordLink(f.claimantId, f.claimant) : f.claimant}</td>
          <td>${f.occurred.startDay}</td>
        </tr>`,
    );
  const when = asOf ?? '';
  return layout(
    country.name,
    html`<h1>${country.name}${localNames(country.localNames)}</h1>
      <form class="as-of" method="get">
        <label for="asOf">As the tracker knew it on</label>
        <input type="date" id="asOf" name="asOf" value="${when.slice(0, 10)}" />
        <button type="submit">Show</button>
        ${asOf ? html`<a href="/countries/${country.code}">Now</a>` : ''}
      </form>
      ${asOf ? html`<p class="note">As of ${asOf}: later changes are not shown.</p>` : ''}
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">In figures</h2>
        <table class="stats" id="stats">
          <caption>
            ${number(country.recordCount)} records
          </caption>
          <tbody>
            ${statRow('Meetings attended', stats.meetingsAttended, 'MEETING')}
            ${statRow('Commitments signed', stats.commitments, 'COMMITMENT')}
            ${statRow('Overdue commitments', stats.overdueCommitments, 'COMMITMENT')}
            ${statRow('Active task forces', stats.activeTaskForces, 'TASK_FORCE')}
            ${statRow('Arrest operations', stats.arrestOperations, 'ARREST')}
            ${statRow('Persons arrested', stats.personsArrested, 'ARREST')}
            ${statRow('Nationals arrested elsewhere', stats.nationalsArrestedElsewhere, 'ARREST')}
            ${statRow('Open detention cases', stats.openDetentionCases, 'DETENTION')}
            ${statRow('Journalists detained now', stats.journalistsDetained, 'DETENTION')}
            ${statRow('Days in detention', stats.detentionDays, 'DETENTION')}
            ${statRow('Shutdowns', stats.shutdownOperations, 'SHUTDOWN')}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="commitments-heading">
        <h2 id="commitments-heading">Commitments</h2>
        <div class="scroll">${matrix}</div>
        ${rest(commitments.length, country.commitments.totalCount, 'commitments', 'COMMITMENT', 'all of them')}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <figure id="timeline-chart" class="chart" aria-describedby="timeline-caption"></figure>
        <p id="timeline-caption" class="note">
          Records by kind and month, the latest ${timeline.length} of ${country.timeline.totalCount}.
          ${
            timeline.length < country.timeline.totalCount
              ? html`<a href="/countries/${country.code}/records"
                    >All ${number(country.timeline.totalCount)} records</a
                  >${asOf ? ' (as they stand now)' : ''}.`
              : ''
          }
        </p>
        <ol id="timeline" class="timeline">
          ${timeline.map(
            (r) =>
              html`<li data-kind="${r.kind}">
                ${r.occurred.startDay} ·
                ${recordLink(r.id, words(r.kind))}${r.retracted ? ' (retracted)' : ''}
              </li>`,
          )}
        </ol>
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Figures: official and independent</h2>
        <figure id="figures-chart" class="chart"></figure>
        ${figures.map(
          (g) =>
            html`<table class="figures">
              <caption>
                ${g.indicator}: ${g.officialCount} official, ${g.independentCount} independent
              </caption>
              <thead>
                <tr>
                  <th scope="col">Provenance</th>
                  <th scope="col">Value</th>
                  <th scope="col">Claimed by</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                ${figureRows(g.official, 'official')}${figureRows(g.independent, 'independent')}
              </tbody>
            </table>`,
        )}
        ${
          figures.some(
            (g) => g.official.length < g.officialCount || g.independent.length < g.independentCount,
          )
            ? html`<p class="note">
                Each indicator shows its latest 20 official and 20 independent figures:
                <a href="/countries/${country.code}/records?kinds=FIGURE">all figures</a>.
              </p>`
            : ''
        }
        ${rest(figures.length, country.figures.totalCount, 'indicators', 'FIGURE', 'all figures')}
      </section>
      <section aria-labelledby="detentions-heading">
        <h2 id="detentions-heading">Open detentions</h2>
        <ul>
          ${detentions.map(
            (d) =>
              html`<li>
                ${recordLink(d.id, d.persons.map((p: any) => p.name).join(', '))}: ${words(d.status)},
                ${d.daysDetainedApproximate ? 'about ' : ''}${number(d.daysDetained)} days (last reported
                ${d.lastReportedOn})
              </li>`,
          )}
        </ul>
        ${rest(detentions.length, country.detentions.totalCount, 'open detentions', 'DETENTION', 'all detention cases, open or not')}
      </section>
      <section aria-labelledby="task-forces-heading">
        <h2 id="task-forces-heading">Task forces</h2>
        <ul>
          ${taskForces.map(
            (t) =>
              html`<li>
                ${recordLink(t.id, t.name)} (${t.occurred.startDay}, ${t.active ? 'active' : 'dissolved'}):
                ${t.memberAgencies.join(', ')}
              </li>`,
          )}
        </ul>
        ${rest(taskForces.length, country.taskForces.totalCount, 'task forces', 'TASK_FORCE', 'all of them')}
      </section>
      ${jsonData('country-data', { timeline, figures })}`,
    { live: country.code },
  );
}

/** `/countries/:code/records?kinds=…`: the records a number counts, newest first, a page at a time. */
export function countryRecordsPage(data: any, kinds: string | undefined): string {
  const country = data.country;
  const timeline = country.timeline;
  const items = (timeline.edges as any[]).map((edge) => edge.node);
  const what = kinds ? words(kinds) : 'all';
  const query = (after: string) => `?${kinds ? `kinds=${kinds}&` : ''}after=${encodeURIComponent(after)}`;
  const next = timeline.pageInfo.hasNextPage
    ? html`<p><a href="${query(timeline.pageInfo.endCursor)}">Older records</a></p>`
    : '';
  return layout(
    `${country.name}: ${what} records`,
    html`<h1><a href="/countries/${country.code}">${country.name}</a>: ${what} records</h1>
      <p>${number(timeline.totalCount)} records, newest first.</p>
      <ol class="timeline">
        ${items.map(
          (r) =>
            html`<li>
              ${r.occurred.startDay} · ${recordLink(r.id, words(r.kind))}${r.retracted ? ' (retracted)' : ''}
            </li>`,
        )}
      </ol>
      ${next}`,
  );
}

const FIELD_LABELS: Record<string, string> = { startDay: 'from', endDay: 'to' };

/** An actor's page: what it said, claimed, assessed, alleged or was alleged of, newest first. */
function actorReferences(references: any): Markup {
  const items = (references.edges as any[]).map((edge) => edge.node);
  return html`<section aria-labelledby="references-heading">
    <h2 id="references-heading">What names this actor</h2>
    <p class="note">${number(references.totalCount)} records, newest first.</p>
    <ol class="timeline">
      ${items.map(
        (item) =>
          html`<li>
            ${item.record.occurred.startDay} · ${words(item.role)}:
            ${recordLink(item.record.id, words(item.record.kind))}
          </li>`,
      )}
    </ol>
    ${nextPageLink(references.pageInfo, 'referencesAfter', 'Older records')}
  </section>`;
}

/**
 * A DateTime as the page shows it: ISO 8601 in UTC. In process, GraphQL hands the scalar over as a Date,
 * whose own text is the server's locale and zone.
 */
function instant(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The link to a list's next page on a record's page: the same address with the list's cursor. Each
 * list pages on its own; the other starts again at its first page.
 */
function nextPageLink(
  pageInfo: { hasNextPage: boolean; endCursor: string | null },
  parameter: string,
  label: string,
): Markup | string {
  if (!pageInfo.hasNextPage || pageInfo.endCursor === null) return '';
  return html`<p><a href="?${parameter}=${encodeURIComponent(pageInfo.endCursor)}">${label}</a></p>`;
}

/** `/records/:id`: what the record says, every source with its quoted sentence, and its history. */
export function recordPage(data: any): string {
  const record = data.record;
  const skip = new Set(['id', 'kind', 'sources', 'countries', 'occurred', 'references', '__typename']);
  const fields = Object.entries(record).filter(([key, value]) => !skip.has(key) && value !== null);
  const value = (v: unknown): Markup | string => {
    if (Array.isArray(v))
      return v.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join('; ');
    if (v instanceof Date) return instant(v);
    if (typeof v === 'object' && v !== null) return JSON.stringify(v);
    if (typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v)) return recordLink(v, v);
    return String(v);
  };
  const history = (data.history.edges as any[]).map((edge) => edge.node);
  return layout(
    `${record.kind} ${record.id}`,
    html`<h1>${words(record.kind)}${record.retracted ? ' (retracted)' : ''}</h1>
      <p class="note">
        Record ${record.id} · occurred
        ${record.occurred.startDay}${record.occurred.endDay !== record.occurred.startDay ? html` to ${record.occurred.endDay}` : ''}
        · countries:
        ${record.countries.map((c: any) => html`<a href="/countries/${c.code}">${c.name}</a> (${c.role.toLowerCase()}) `)}
      </p>
      <dl class="fields">
        ${fields.map(
          ([key, v]) =>
            html`<dt>${FIELD_LABELS[key] ?? key}</dt>
              <dd>${value(v)}</dd>`,
        )}
      </dl>
      ${record.references ? actorReferences(record.references) : ''}
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <ol class="sources">
          ${(record.sources as any[]).map(
            (s) =>
              html`<li>
                <a href="${s.url}" rel="noopener noreferrer">${s.title ?? s.url}</a
                >${s.publisher ? html` · ${s.publisher}` : ''}
                ${s.quote ? html`<blockquote>${s.quote}</blockquote>` : ''}
              </li>`,
          )}
        </ol>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <p class="note">
          ${number(data.history.totalCount)} events, oldest first; open one to see what it recorded.
        </p>
        <ol class="history">
          ${history.map(
            (h) =>
              html`<li value="${h.revision + 1}">
                <details>
                  <summary>
                    <strong>${h.type}</strong> recorded
                    ${instant(h.recordedAt)}${h.actor ? html` by ${h.actor}` : ''}
                  </summary>
                  <pre>${JSON.stringify(h.data, null, 2)}</pre>
                </details>
              </li>`,
          )}
        </ol>
        ${nextPageLink(data.history.pageInfo, 'historyAfter', 'Later events')}
      </section>`,
  );
}
