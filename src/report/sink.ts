// The one door out of the process. Every artefact — log lines, annotations, the job summary, step
// outputs, the failure message, bundle files, the check run's body, CLI stdout and stderr — is
// written through an ArtefactSink, which masks every form of every registered secret on the way.
// Reports are built from a PublicResult (already redacted as data); the sink is the second line.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redacted, Redactor, TextKind } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error';

/** Where a warning or error points in the repository (shown as an annotation by the runner). */
export interface LogPlace {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** The raw writers behind a sink: the runner's commands for the action, the streams for the CLI. */
export interface ArtefactWriters {
  log(level: LogLevel, text: string, place?: LogPlace): void;
  summary?(markdown: string): Promise<void>;
  output?(name: string, value: string): void;
  fail?(message: string): void;
  stdout?(text: string): void;
}

/** Masks everything it is given, then hands it to its writers. */
// Stryker disable StringLiteral: maskText treats every kind but 'json' alike, so 'text' or 'markdown' turned into '' masks the same
export class ArtefactSink {
  constructor(
    readonly redactor: Redactor,
    private readonly writers: ArtefactWriters,
  ) {}

  log(level: LogLevel, text: string, place?: LogPlace): void {
    const masked = place ? this.value(place) : undefined;
    this.writers.log(level, this.redactor.maskText(text, 'text'), masked);
  }

  /** The job summary (skipped by writers that have none). */
  async summary(markdown: string): Promise<void> {
    await this.writers.summary?.(this.redactor.maskText(markdown, 'markdown'));
  }

  output(name: string, value: string): void {
    this.writers.output?.(name, this.redactor.maskText(value, 'text'));
  }

  /** Marks the run failed with `message` (the action's setFailed; the CLI prints it). */
  fail(message: string): void {
    const masked = this.redactor.maskText(message, 'text');
    if (this.writers.fail) this.writers.fail(masked);
    else this.writers.log('error', masked);
  }

  stdout(text: string, kind: TextKind = 'text'): void {
    this.writers.stdout?.(this.redactor.maskText(text, kind));
  }

  /** Writes a file of the bundle, creating its directory. */
  async file(path: string, text: string, kind: TextKind): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, this.redactor.maskText(text, kind));
  }

  /** A body bound for an API (the check run), every string in it masked. */
  value<T>(body: T): Redacted<T> {
    return this.redactor.redactValue(body);
  }
}
// Stryker restore StringLiteral
