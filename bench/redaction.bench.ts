// Cost of keeping secrets out of the reports on a 1,000-scenario gate with 12 registered secrets:
// today's path (redact the result as data, then mask every artefact again in the sink) against the
// previous one (split/join of each raw and URL-encoded secret over each rendered text), both timed
// on the same result in the same process. Rendering itself is not counted.
import type { CheckResult, GateResult, ScenarioResult } from '../src/engine/results.js';
import { bundleJson, bundleMarkdown } from '../src/report/bundle.js';
import { checkRunReport } from '../src/report/check-run-flow.js';
import { JOB_SUMMARY_LIMIT_BYTES, renderMarkdown } from '../src/report/markdown.js';
import { Redactor, type PublicResult } from '../src/report/redact.js';
import { renderTerminal } from '../src/report/terminal.js';
import type { BenchRow } from './harness.js';
import { median } from './harness.js';

const SCENARIOS = 1000;
const RUNS = 7;
const SECRETS = Array.from({ length: 12 }, (_, index) => `s3cr*t_${index}_"\\[x](y)#${'k'.repeat(index)}`);

function check(index: number): CheckResult {
  const secret = index % 50 === 0 ? SECRETS[index % SECRETS.length]! : 'nothing secret here';
  return {
    id: `c${index}`,
    kind: 'http',
    status: index % 3 === 0 ? 'fail' : 'pass',
    fields: {
      status: 200,
      latency_ms: 12,
      body: `{"user":"u${index}","note":"${secret}"}`,
      headers: { a: 'b' },
    },
    expect: 'status == 200',
    evidence: [{ text: 'body ' }, { value: `answer ${index}: ${secret}` }],
    reproduce: `curl -sS 'https://svc.example/${index}' -o /dev/null`,
    target: `GET https://svc.example/${index}`,
    attempts: 1,
    startedAt: '2026-02-13T10:00:00.000Z',
    durationMs: 12,
    line: index + 3,
  };
}

function gateResult(): GateResult {
  const scenarios: ScenarioResult[] = Array.from({ length: SCENARIOS }, (_, index) => {
    const checks = [check(index * 2), check(index * 2 + 1)];
    const status = checks.some((item) => item.status === 'fail') ? 'fail' : 'pass';
    return {
      id: `s${index}`,
      name: `Scenario ${index}`,
      priority: 'P1',
      status,
      checkStatus: status,
      checks,
      evidence: checks[0]!.evidence,
      line: index + 3,
    };
  });
  return {
    tool: { name: 'regression-gate', version: 'bench' },
    file: '.github/regression-gate.yml',
    gate: { id: 'REG-BENCH', title: 'Bench', relatedIssues: [], relatedPrs: [], language: 'en', risks: [] },
    startedAt: '2026-02-13T10:00:00.000Z',
    finishedAt: '2026-02-13T10:00:05.000Z',
    durationMs: 5000,
    preconditions: [],
    scenarios,
    decision: 'go',
    basis: [{ kind: 'all-passed', preconditions: 0, p0: 0 }],
    residualRisks: [],
    counts: { passed: 0, failed: 0, errors: 0, waived: 0, total: SCENARIOS },
    warnings: [],
  };
}

/** Every artefact's text, rendered from `result`. */
function render(result: PublicResult): Array<[string, 'markdown' | 'json' | 'text']> {
  const report = checkRunReport(result, 'gate-report/REG-BENCH.md');
  return [
    [renderTerminal(result, { colour: true }), 'text'],
    [renderMarkdown(result, { maxBytes: JOB_SUMMARY_LIMIT_BYTES - 1024 }), 'markdown'],
    [bundleMarkdown(result), 'markdown'],
    [bundleJson(result), 'json'],
    [JSON.stringify(report), 'json'],
  ];
}

/** The redaction of the previous release: raw and URL-encoded forms, over rendered text. */
function legacyRedact(text: string): string {
  const forms = [...SECRETS, ...SECRETS.map(encodeURIComponent)].sort((a, b) => b.length - a.length);
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)([^@\s/]+)(@)/gi, '$1***$3');
  for (const secret of forms) out = out.split(secret).join('***');
  return out;
}

function time(work: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export default function redactionBench(): Promise<BenchRow[]> {
  const raw = gateResult();
  const redactor = new Redactor();
  for (const secret of SECRETS) redactor.add(secret);
  // The legacy path rendered the raw result; rendering is the same work either way, so it is done once.
  const texts = render(raw as PublicResult);
  const legacy = time(() => {
    for (const [text] of texts) legacyRedact(text);
  });
  const data = time(() => void redactor.redactValue(raw));
  const publicTexts = render(redactor.redactValue(raw));
  const sink = time(() => {
    for (const [text, kind] of publicTexts) redactor.maskText(text, kind);
  });
  const bytes = texts.reduce((sum, [text]) => sum + Buffer.byteLength(text), 0);
  return Promise.resolve([
    {
      name: 'before: rendered text, raw+URL forms',
      figure: `${legacy.toFixed(1)} ms`,
      target: `${(bytes / 1e6).toFixed(1)} MB of artefacts`,
      pass: undefined,
    },
    { name: 'after: redactValue (data)', figure: `${data.toFixed(1)} ms`, target: '', pass: undefined },
    { name: 'after: sink masks all forms', figure: `${sink.toFixed(1)} ms`, target: '', pass: undefined },
    {
      name: 'after: total',
      figure: `${(data + sink).toFixed(1)} ms`,
      target: '<= 1000 ms for 1,000 scenarios',
      pass: data + sink <= 1000,
    },
  ]);
}
