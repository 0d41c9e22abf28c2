import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGate } from '../../../src/config/load.js';
import { probeRegistry } from '../../../src/probes/registry.js';

// The gate-file examples of docs/tests-and-http.md must load: a doc example that the loader
// refuses would teach users a format that does not work.
const doc = readFileSync('docs/tests-and-http.md', 'utf8');
const examples = [...doc.matchAll(/```yaml\n(scenarios:[\s\S]*?)```/g)].map((match) => match[1]!);

const env = {
  DOMAIN: 'staging.example.com',
  GITHUB_RUN_ID: '1',
  GITHUB_RUN_ATTEMPT: '1',
  SIGNATURE: 'sha256=00',
  PAYLOAD: '{}',
  STAGING_NAMESPACE: 'codex-k8s-staging',
};

describe('docs/tests-and-http.md examples', () => {
  it('has the seed tests example and the S1 webhook example', () => {
    expect(examples).toHaveLength(2);
  });

  it.each(examples.map((example, index) => [index, example] as const))(
    'example %i loads',
    (_index, example) => {
      const text = `version: 1\ngate: { id: DOC-1, title: doc example, owner_role: QA }\n${example}`;
      const gate = parseGate(text, { file: 'doc.yml', env, probes: probeRegistry });
      expect(gate.scenarios.length).toBeGreaterThan(0);
    },
  );
});
