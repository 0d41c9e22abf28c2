import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { openGitHubSession } from '../../src/probes/github/session.js';
import { explainApiError } from '../../src/probes/kubernetes/api-errors.js';
import { loadKubeConfig } from '../../src/probes/kubernetes/kubeconfig.js';
import type { KubernetesSpec } from '../../src/probes/kubernetes/schema.js';
import { connectError } from '../../src/probes/postgres/errors.js';
import { ProbeError, type ProbeEnvironment } from '../../src/probes/probe.js';

// Which known failures of the real probes say "trying again cannot help", so `wait` stops at once.

const environment = (env: Record<string, string | undefined>, token?: string): ProbeEnvironment => ({
  sources: { postgres: { statementTimeoutMs: 15_000 }, kubernetes: {}, github: {} },
  env,
  workspace: '.',
  ...(token === undefined ? {} : { githubToken: token }),
  addSecret: () => undefined,
  debug: () => undefined,
});

async function rejection(promise: Promise<unknown>): Promise<ProbeError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProbeError);
  return error as ProbeError;
}

describe('ProbeError', () => {
  it('is worth retrying unless the probe says otherwise', () => {
    expect(new ProbeError('connection refused').retryable).toBe(true);
    expect(new ProbeError('forbidden', { retryable: false }).retryable).toBe(false);
    expect(new ProbeError('x', { cause: 'why' }).cause).toBe('why');
    expect(new ProbeError('x').name).toBe('ProbeError');
  });
});

describe('known failures that retrying cannot help', () => {
  it('github: no token', async () => {
    const error = await rejection(openGitHubSession(environment({}, '')));
    expect(error.retryable).toBe(false);
  });

  it('kubernetes: no credentials, and a kubeconfig that does not exist', () => {
    const attempts = [
      () => loadKubeConfig(environment({ HOME: '/nonexistent-home' })),
      () => loadKubeConfig(environment({ KUBECONFIG: '/nonexistent/kubeconfig' })),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(ProbeError);
      try {
        attempt();
      } catch (error) {
        expect((error as ProbeError).retryable).toBe(false);
      }
    }
  });

  it('kubernetes: 401, 403, 400 and a missing resource type are final; 500 and 429 are not', () => {
    const target = {
      spec: { kind: 'deployment' } as unknown as KubernetesSpec,
      namespace: 'default',
      labelSelector: undefined,
      fieldSelector: undefined,
    };
    const retryable = (code: number): boolean =>
      explainApiError(new ApiException(code, 'x', '{}', {}), target, 'https://k8s', 'kubeconfig').retryable;
    expect([401, 403, 400, 404].map(retryable)).toEqual([false, false, false, false]);
    expect([500, 429, 410].map(retryable)).toEqual([true, true, true]);
  });

  it('postgres: a refused password, user or database is final; an unreachable server is not', () => {
    const server = { address: 'db:5432', user: 'gate', database: 'app' };
    const retryable = (code: string, message = 'x'): boolean =>
      connectError({ code, message }, server, 5_000).retryable;
    expect(['28P01', '28000', '3D000'].map((code) => retryable(code))).toEqual([false, false, false]);
    expect(retryable('ECONNREFUSED')).toBe(true);
    expect(retryable('53300')).toBe(true);
  });
});
