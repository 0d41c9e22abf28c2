// The per-scenario trend over this run and the earlier runs `history` read: pure, no I/O.

/** A row's status in one run; `absent` when that run's report has no such row. */
export type TrendStatus = 'pass' | 'warn' | 'fail' | 'error' | 'waived' | 'absent';

/** A run in the window, oldest first; the last one is this run. */
export interface TrendRun {
  /** Run id; undefined for this run outside Actions. */
  id?: number;
  url?: string;
  /** True for the run being gated now. */
  current: boolean;
}

/** Where a failing streak starts. */
export interface FailingSince {
  runId?: number;
  url?: string;
  /** True when the streak reaches the oldest run read: it may be older still. */
  atLeast: boolean;
}

/** One precondition's or scenario's trend. */
export interface ScenarioTrend {
  id: string;
  name: string;
  /** One per run of the window, oldest first, this run last. */
  statuses: TrendStatus[];
  /** Passed and did not pass more than once in the window (two or more flips). */
  flaky: boolean;
  /** Set when this run did not pass: the first run of the streak of runs that did not pass. */
  failingSince?: FailingSince;
}

/** The trend kept in the JSON bundle and shown in the reports. */
export interface History {
  /** Runs asked for (`history: N`). */
  window: number;
  /** Runs whose bundle was read, oldest first, then this run. */
  runs: TrendRun[];
  /** Earlier runs skipped because their bundle was missing or unreadable. */
  skipped: number;
  scenarios: ScenarioTrend[];
}

/** A row of a report, as far as the trend needs it. */
export interface TrendRow {
  id: string;
  name: string;
  status: 'pass' | 'warn' | 'fail' | 'error' | 'waived';
}

/** An earlier run with the rows of its bundle. */
export interface EarlierRows {
  id: number;
  url: string;
  rows: readonly TrendRow[];
}

/**
 * The trend of every row of this run. `earlier` is newest first (as the API lists runs); the
 * result's columns are oldest first, ending with this run.
 */
export function buildTrend(
  current: { rows: readonly TrendRow[]; id?: number; url?: string },
  earlier: readonly EarlierRows[],
  window: number,
  skipped: number,
): History {
  const oldestFirst = [...earlier].reverse();
  const runs: TrendRun[] = [
    ...oldestFirst.map((run) => ({ id: run.id, url: run.url, current: false })),
    {
      ...(current.id === undefined ? {} : { id: current.id }),
      ...(current.url ? { url: current.url } : {}),
      current: true,
    },
  ];
  const lookups = oldestFirst.map((run) => new Map(run.rows.map((row) => [row.id, row.status])));
  const scenarios = current.rows.map((row): ScenarioTrend => {
    const statuses: TrendStatus[] = [...lookups.map((lookup) => lookup.get(row.id) ?? 'absent'), row.status];
    const trend: ScenarioTrend = { id: row.id, name: row.name, statuses, flaky: flips(statuses) >= 2 };
    const since = failingSince(statuses, runs);
    if (since) trend.failingSince = since;
    return trend;
  });
  return { window, runs, skipped, scenarios };
}

/** Expect held: a warning is no failure, so it neither starts a failing streak nor flips a row. */
function met(status: TrendStatus): boolean {
  return status === 'pass' || status === 'warn';
}

/** How often a row went from passing to not passing or back; runs without the row are skipped. */
function flips(statuses: readonly TrendStatus[]): number {
  const present = statuses.filter((status) => status !== 'absent').map(met);
  let count = 0;
  for (let index = 1; index < present.length; index++) if (present[index] !== present[index - 1]) count++;
  return count;
}

function failingSince(statuses: readonly TrendStatus[], runs: readonly TrendRun[]): FailingSince | undefined {
  let start = statuses.length - 1;
  if (met(statuses[start]!)) return undefined;
  while (start > 0 && !met(statuses[start - 1]!) && statuses[start - 1] !== 'absent') start--;
  const run = runs[start]!;
  return {
    ...(run.id === undefined ? {} : { runId: run.id }),
    ...(run.url ? { url: run.url } : {}),
    atLeast: start === 0 && statuses.length > 1,
  };
}
