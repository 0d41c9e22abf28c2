// Runs the tests probe in-process as the engine does: spec through its schema, a session, a signal.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ProbeError, type Fields, type ProbeEnvironment } from '../../../src/probes/probe.js';
import { testsProbe } from '../../../src/probes/tests/index.js';
import { testsSpecSchema } from '../../../src/probes/tests/schema.js';

/** The committed report fixtures. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/reports');

/** A probe environment over a workspace. */
export function probeEnvironment(workspace: string): ProbeEnvironment {
  return {
    sources: { postgres: { statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
    env: {},
    workspace,
    addSecret: () => {},
    debug: () => {},
  };
}

/** The probe's fields for a `tests:` spec read in `workspace`. */
export async function runTests(
  input: unknown,
  workspace = FIXTURES,
  signal = new AbortController().signal,
): Promise<Fields> {
  const spec = testsSpecSchema.parse(input);
  const session = await testsProbe.open(probeEnvironment(workspace));
  try {
    return await session.run({ spec, extras: {}, signal, timeoutMs: 30_000 });
  } finally {
    await session.close();
  }
}

/** The ProbeError a spec ends with (fails the test when it passes or throws anything else). */
export async function runTestsError(
  input: unknown,
  workspace = FIXTURES,
  signal?: AbortSignal,
): Promise<ProbeError> {
  const error: unknown = await runTests(input, workspace, signal).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return error as ProbeError;
}

/** A scratch workspace holding `files` (relative path -> content); remove it with `cleanup`. */
export async function scratchWorkspace(files: Record<string, string> = {}): Promise<{
  dir: string;
  write: (files: Record<string, string>) => Promise<void>;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tests-probe-'));
  const write = async (more: Record<string, string>): Promise<void> => {
    for (const [name, content] of Object.entries(more)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
  };
  await write(files);
  return { dir, write, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A JUnit report of one suite per entry: `[suite, cases]`, each case as raw `<testcase>` XML. */
export function junit(...suites: Array<[string, string[]]>): string {
  const body = suites
    .map(
      ([name, cases]) =>
        `  <testsuite name="${name}">\n${cases.map((c) => `    ${c}`).join('\n')}\n  </testsuite>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${body}\n</testsuites>\n`;
}

/** go test -json lines for one run of a test: `run`, optional output, then its end event. */
export function goRun(
  pkg: string,
  test: string,
  action: 'pass' | 'fail' | 'skip',
  output: string[] = [],
): string[] {
  const event = (fields: Record<string, string>): string =>
    JSON.stringify({ Package: pkg, Test: test, ...fields });
  return [
    event({ Action: 'run' }),
    ...output.map((line) => event({ Action: 'output', Output: `${line}\n` })),
    event({ Action: action }),
  ];
}
