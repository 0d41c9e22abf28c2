// A large valid gate file, shared by the hardening test (it loads) and bench/gate-file.bench.ts
// (how long it takes and how much memory).

/** About `bytes` of valid gate file: many scenarios, each with a tests check. */
export function bigGate(bytes: number): { text: string; scenarios: number } {
  const parts = ['version: 1\ngate: { id: BIG, title: Big gate }\nscenarios:\n'];
  let length = parts[0]!.length;
  let scenarios = 0;
  while (length < bytes) {
    const part = `  - name: "Scenario ${scenarios} with a fairly descriptive name"\n    checks:\n      - tests: { report: "reports/*.json", names: [TestNumber${scenarios}] }\n        evidence: "tests {{passed}}"\n`;
    parts.push(part);
    length += part.length;
    scenarios++;
  }
  return { text: parts.join(''), scenarios };
}
