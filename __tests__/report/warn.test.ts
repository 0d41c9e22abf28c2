// The `warn` status in what users read: the Russian report, the step outputs and the check run.
import { describe, expect, it } from 'vitest';
import { annotationsFor } from '../../src/report/check-run-flow.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { stepOutputs } from '../../src/report/outputs.js';
import { Redactor, type PublicResult } from '../../src/report/redact.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { countsOf, gateResult, scenarioRow } from '../support/results.js';

function warnedGo(language: 'en' | 'ru'): PublicResult {
  const scenarios = [scenarioRow('Error rate', 'warn', { line: 12 }), scenarioRow('Login', 'pass')];
  const base = gateResult();
  return new Redactor().redactValue(
    gateResult({
      gate: { ...base.gate, language },
      scenarios,
      residualRisks: [{ kind: 'warned', name: 'Error rate', priority: 'P0' }],
      counts: countsOf(scenarios),
    }),
  );
}

describe('warn in reports', () => {
  it('names the warning as a residual risk in Russian', () => {
    expect(renderMarkdown(warnedGo('ru'))).toContain(
      '- P0-сценарий "Error rate" пройден с предупреждением: условие `warn` не выполнено',
    );
  });

  it('counts warned scenarios in the `warned` output and never in `passed`', () => {
    const outputs = stepOutputs(warnedGo('en'), undefined, undefined);
    expect(outputs).toMatchObject({ decision: 'go', passed: '1', warned: '1' });
    expect(stepOutputs(new Redactor().redactValue(gateResult()), undefined, undefined).warned).toBe('0');
  });

  it('annotates a warned row at warning level and shows WARN in the terminal', () => {
    expect(annotationsFor(warnedGo('en'))).toEqual([
      expect.objectContaining({ level: 'warning', startLine: 12, title: 'Error rate: warn' }),
    ]);
    expect(renderTerminal(warnedGo('en'))).toMatch(/^ {2}WARN {4}Error rate/m);
  });
});
