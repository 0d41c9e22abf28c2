// Everything a run of the action leaves behind, gathered in one place so a test can grep it all.
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ActionRun } from '../support/action-runner.js';
import type { GitHubSim } from '../support/github-sim/index.js';

/** One artefact by name, so a failing assertion says where a value leaked. */
export type Artefacts = Record<string, string>;

/**
 * Collects stdout (without the `::add-mask::` lines, which the runner consumes and never shows),
 * stderr, the job summary, the raw outputs file, every file of the bundle directory, and every
 * request body the GitHub simulator received (check runs and their annotations).
 */
export async function collectArtefacts(
  run: ActionRun,
  options: { outputDir?: string; github?: GitHubSim } = {},
): Promise<Artefacts> {
  const artefacts: Artefacts = {
    stdout: run.stdout.replace(/^::add-mask::.*$/gm, ''),
    stderr: run.stderr,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
  };
  const bundleDir = join(run.workspace, options.outputDir ?? 'gate-report');
  for (const name of await readdir(bundleDir).catch(() => [] as string[]))
    artefacts[`bundle/${name}`] = await readFile(join(bundleDir, name), 'utf8');
  for (const [index, request] of (options.github?.requests ?? []).entries())
    artefacts[`github request ${index} ${request.method} ${request.path}`] = JSON.stringify(
      request.body ?? null,
    );
  return artefacts;
}

/** Names of the artefacts that contain `needle` (an empty list is what a test wants). */
export function artefactsContaining(artefacts: Artefacts, needle: string): string[] {
  return Object.entries(artefacts)
    .filter(([, text]) => text.includes(needle))
    .map(([name]) => name);
}

/** A local HTTP server for a test; closes itself after `idleMs` without requests. */
export interface TestHttpServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  idleMs = 60_000,
): Promise<TestHttpServer> {
  let idle: NodeJS.Timeout | undefined;
  const server = createServer((request, response) => {
    armIdle();
    handler(request, response);
  });
  const armIdle = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => server.close(), idleMs);
    idle.unref();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  armIdle();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(idle);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The bundle JSON of a run, parsed. */
export async function readBundleJson(
  run: ActionRun,
  gateId: string,
  outputDir = 'gate-report',
): Promise<unknown> {
  return JSON.parse(await readFile(join(run.workspace, outputDir, `${gateId}.json`), 'utf8'));
}
