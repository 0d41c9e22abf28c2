// Label and field selectors as the API server parses them (k8s.io/apimachinery/pkg/labels, fields),
// reduced to what the probe sends: =, ==, !=, in, notin, exists, !exists; field =, ==, !=.

export type Matcher = (labels: Readonly<Record<string, string>>) => boolean;

export class SelectorError extends Error {}

/** Splits on commas that are not inside parentheses: `a in (x,y),b` -> [`a in (x,y)`, `b`]. */
function requirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

function checkKey(key: string, requirement: string): string {
  if (!KEY.test(key))
    throw new SelectorError(`unable to parse requirement: ${requirement}: invalid label key "${key}"`);
  return key;
}

/** Parses a label selector; throws SelectorError with the API server's wording on bad input. */
export function parseLabelSelector(selector: string): Matcher {
  const tests: Matcher[] = [];
  for (const requirement of requirements(selector)) {
    let match: RegExpExecArray | null;
    if ((match = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(requirement))) {
      const key = checkKey(match[1]!, requirement);
      const values = new Set(match[3]!.split(',').map((value) => value.trim()));
      const negate = match[2] === 'notin';
      tests.push((labels) => (key in labels ? values.has(labels[key]!) !== negate : negate));
    } else if ((match = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(requirement))) {
      const key = checkKey(match[1]!, requirement);
      const value = match[3]!;
      const negate = match[2] === '!=';
      tests.push((labels) => (labels[key] === value) !== negate);
    } else if ((match = /^!\s*(\S+)$/.exec(requirement))) {
      const key = checkKey(match[1]!, requirement);
      tests.push((labels) => !(key in labels));
    } else if (KEY.test(requirement)) {
      tests.push((labels) => requirement in labels);
    } else {
      throw new SelectorError(
        `unable to parse requirement: found '${requirement}', expected: in, notin, =, ==, !=, gt, lt`,
      );
    }
  }
  return (labels) => tests.every((test) => test(labels));
}

/** Field paths each kind supports, as the API server registers them (metadata.* everywhere). */
const FIELDS_BY_KIND: Readonly<Record<string, readonly string[]>> = {
  Pod: ['status.phase', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'status.podIP'],
  Namespace: ['status.phase'],
  Job: ['status.successful'],
};

function fieldValue(object: Record<string, unknown>, path: string): string | undefined {
  let current: unknown = object;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (path === 'status.successful') {
    const succeeded = (object.status as { succeeded?: number } | undefined)?.succeeded;
    return String(succeeded ?? 0);
  }
  return typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean'
    ? String(current)
    : '';
}

/** Parses a field selector for objects of `kind`; unsupported paths fail as on a real server. */
export function parseFieldSelector(
  selector: string,
  kind: string,
): (object: Record<string, unknown>) => boolean {
  const tests: ((object: Record<string, unknown>) => boolean)[] = [];
  for (const requirement of requirements(selector)) {
    const match = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(requirement);
    if (!match) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${requirement}'`);
    const path = match[1]!;
    const allowed = ['metadata.name', 'metadata.namespace', ...(FIELDS_BY_KIND[kind] ?? [])];
    if (!allowed.includes(path)) throw new SelectorError(`field label not supported: ${path}`);
    const value = match[3]!;
    const negate = match[2] === '!=';
    tests.push((object) => (fieldValue(object, path) === value) !== negate);
  }
  return (object) => tests.every((test) => test(object));
}
