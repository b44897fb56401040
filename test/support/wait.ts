/**
 * Polls `check` until it returns something other than undefined, and resolves with it. For conditions a
 * test must wait for (a clock passing a time, a server's /health saying something): never a fixed sleep.
 * There is no deadline of its own: Jest's test timeout ends a wait that never comes true.
 */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  everyMs = 10,
): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Today at UTC, as the server computes "today" for overdue and days detained. */
export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD to another, as the domain counts days in custody. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
