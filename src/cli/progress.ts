import { formatDuration } from '../shared/duration.js';
import type { Gate, Scenario } from '../config/model.js';
import type { RunOptions } from './args.js';
import type { CliIo } from './io.js';

/** Without a terminal, progress lines start once a run has taken this long (CI logs stay short otherwise). */
export const LONG_RUN_MS = 10_000;

/** One stderr line per finished scenario: always on a terminal, on long runs elsewhere. */
export class Progress {
  private readonly total: number;
  private done = 0;
  private readonly started = performance.now();

  constructor(
    private readonly gate: Gate,
    private readonly io: CliIo,
    private readonly say: (text: string) => void,
  ) {
    this.total = gate.preconditions.length + gate.scenarios.length;
  }

  start(options: RunOptions): void {
    if (!this.io.stderrIsTTY) return;
    const checks = [...this.gate.preconditions, ...this.gate.scenarios].reduce(
      (sum, scenario) => sum + scenario.checks.length,
      0,
    );
    this.say(
      `Checking ${this.gate.meta.id}: ${this.total} rows, ${checks} checks (concurrency ${options.concurrency}, deadline ${formatDuration(options.gateTimeoutMs)})\n`,
    );
  }

  finished(scenario: Scenario): void {
    this.done += 1;
    const elapsed = performance.now() - this.started;
    if (!this.io.stderrIsTTY && elapsed < LONG_RUN_MS) return;
    const width = String(this.total).length;
    this.say(
      `[${String(this.done).padStart(width)}/${this.total}] ${formatDuration(elapsed).padStart(5)}  finished: ${scenario.name}\n`,
    );
  }
}
