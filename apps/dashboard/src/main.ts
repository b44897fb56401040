import * as Plot from '@observablehq/plot';
import { createClient } from 'graphql-ws';

/*
 * The dashboard pages' script, bundled at build time with everything it uses (scripts/build.mjs) and
 * served by the API: the charts of a country page, its live updates over graphql-ws, and the token form.
 */

interface TimelineItem {
  id: string;
  kind: string;
  retracted: boolean;
  occurred: { startDay: string };
}

interface FigureItem {
  id: string;
  value: number;
  unit: string;
  claimant: string;
  occurred: { startDay: string };
}

interface FigureGroup {
  indicator: string;
  official: FigureItem[];
  independent: FigureItem[];
}

const TOKEN_COOKIE = 'tracker_token';

function tokenFromCookie(): string | undefined {
  const found = document.cookie.split(';').find((part) => part.trim().startsWith(`${TOKEN_COOKIE}=`));
  return found ? decodeURIComponent(found.split('=').slice(1).join('=')) : undefined;
}

function setToken(token: string): void {
  document.cookie = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; path=/; SameSite=Strict`;
}

/** Records by kind and month, as stacked bars; each bar is a link to nothing but says its count. */
function drawTimeline(items: TimelineItem[]): void {
  const figure = document.getElementById('timeline-chart');
  if (!figure || items.length === 0) return;
  const data = items.map((item) => ({
    month: new Date(`${item.occurred.startDay.slice(0, 7)}-01T00:00:00Z`),
    kind: item.kind,
  }));
  const chart = Plot.plot({
    width: Math.min(720, figure.clientWidth || 720),
    height: 240,
    x: { type: 'band', label: 'Month', tickFormat: (d: Date) => d.toISOString().slice(0, 7) },
    y: { label: 'Records', grid: true },
    color: { legend: true, scheme: 'tableau10' },
    marks: [
      Plot.barY(data, Plot.groupX({ y: 'count' }, { x: 'month', fill: 'kind', tip: true })),
      Plot.ruleY([0]),
    ],
  });
  figure.replaceChildren(asImage(chart, 'Records by kind and month'));
}

/** Each indicator's figures, official against independent, on one scale per unit. */
function drawFigures(groups: FigureGroup[]): void {
  const figure = document.getElementById('figures-chart');
  if (!figure || groups.length === 0) return;
  const data = groups.flatMap((group) => [
    ...group.official.map((f) => ({ ...f, indicator: group.indicator, provenance: 'official' })),
    ...group.independent.map((f) => ({ ...f, indicator: group.indicator, provenance: 'independent' })),
  ]);
  const chart = Plot.plot({
    width: Math.min(720, figure.clientWidth || 720),
    marginLeft: 300,
    x: { type: 'log', label: 'Value (log scale)', grid: true },
    y: { label: null },
    color: { legend: true, domain: ['official', 'independent'], range: ['#b2182b', '#2166ac'] },
    marks: [
      Plot.dot(data, {
        x: 'value',
        y: 'indicator',
        fill: 'provenance',
        r: 6,
        tip: true,
        title: (d: FigureItem) => `${d.value} ${d.unit}, ${d.claimant}`,
      }),
    ],
  });
  figure.replaceChildren(asImage(chart, 'Figures per indicator, official and independent'));
}

/**
 * A chart as one image for assistive technology, named by `label`: the page lists the same data as text
 * (the timeline, the figures' tables). Plot names its inner groups, which is not allowed on plain groups.
 */
function asImage(chart: Element, label: string): Element {
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', label);
  for (const inner of chart.querySelectorAll('[aria-label]'))
    if (inner !== chart) inner.removeAttribute('aria-label');
  return chart;
}

function drawCharts(): void {
  const element = document.getElementById('country-data');
  if (!element) return;
  const data = JSON.parse(element.textContent ?? '{}') as {
    timeline: TimelineItem[];
    figures: FigureGroup[];
  };
  drawTimeline(data.timeline);
  drawFigures(data.figures);
}

/** The page as the server renders it now, swapped in without a reload. */
async function refresh(status: HTMLElement): Promise<void> {
  const response = await fetch(location.href, {
    headers: { accept: 'text/html' },
    credentials: 'same-origin',
  });
  if (!response.ok) return;
  const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('main');
  const main = document.getElementById('main');
  if (!next || !main) return;
  main.replaceWith(next);
  drawCharts();
  status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
  document.body.dataset.updates = String(Number(document.body.dataset.updates ?? '0') + 1);
}

/** Fewest milliseconds between two refreshes of a page: a burst of changes is one refresh, not many. */
const REFRESH_INTERVAL_MS = 1_000;

/**
 * Refreshes the page after changes, coalesced: one refresh at a time, and at most one a second, however
 * many changes arrive (a busy country must not make every open page fetch itself for each).
 */
function refresher(status: HTMLElement): () => void {
  let running = false;
  let pending = false;
  let last = 0;
  const run = async (): Promise<void> => {
    running = true;
    pending = false;
    const wait = last + REFRESH_INTERVAL_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      await refresh(status);
    } finally {
      last = Date.now();
      running = false;
      if (pending) void run();
    }
  };
  return () => {
    if (running) pending = true;
    else void run();
  };
}

const LIVE = 'Live: this page updates when its records change.';

/** A country page follows its country's changes (not when showing the past: that does not change). */
function followCountry(): void {
  const code = document.body.dataset.liveCountry;
  const status = document.getElementById('live-status');
  if (!code || !status || new URL(location.href).searchParams.get('asOf')) return;
  const token = tokenFromCookie();
  const changed = refresher(status);
  let stopped = false;
  const client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: Infinity,
    // A server that is down refuses the connection: the browser reports an error event, not a close,
    // which graphql-ws by default takes as final. Keep trying, as for a close (with its backoff).
    shouldRetry: () => true,
    on: {
      closed: () => {
        if (stopped) return;
        status.textContent = 'Live updates paused: reconnecting…';
        document.body.dataset.live = 'reconnecting';
      },
      connected: (_socket, _payload, wasRetry) => {
        status.textContent = LIVE;
        document.body.dataset.live = 'on';
        // Whatever changed while the connection was down was pushed to no one: look again, once.
        if (wasRetry) changed();
      },
    },
  });
  client.subscribe(
    {
      query: 'subscription($c: [String!]) { recordChanged(countries: $c) { recordId } }',
      variables: { c: [code] },
    },
    {
      next: changed,
      error: () => {
        stopped = true;
        status.textContent = 'Live updates stopped: reload the page to resume.';
        document.body.dataset.live = 'stopped';
      },
      complete: () => {},
    },
  );
  status.textContent = 'Connecting for live updates…';
}

function tokenForm(): void {
  const form = document.getElementById('token-form') as HTMLFormElement | null;
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = form.elements.namedItem('token') as HTMLInputElement;
    setToken(input.value.trim());
    location.reload();
  });
  document.getElementById('token-button')?.addEventListener('click', () => {
    const token = prompt('API token (trk_…), kept in this browser for this site');
    if (token) {
      setToken(token.trim());
      location.reload();
    }
  });
}

drawCharts();
followCountry();
tokenForm();
