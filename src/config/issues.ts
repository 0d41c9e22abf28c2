// Zod's issues as the gate file's problems: where (file:line:column of the value or key), in the
// file's own terms (`scenarios[2].checks[0].expect`), with a "did you mean" for unknown keys.
import type { z } from 'zod';
import type { Locator } from './locator.js';
import { didYouMean, type Problem } from './problems.js';

/** Adds the problem `issue` describes; `prefix` is where the validated value sits in the file. */
export function reportIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
  locate: Locator,
  problems: Problem[],
  file: string,
  known: readonly string[] = [],
): void {
  const path = [...prefix, ...issue.path];
  const where = formatPath(path);
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const position = locate.key(path, key);
      const hint = didYouMean(key, known);
      problems.push({
        file,
        ...position,
        message: `unknown key '${key}'${where ? ` in ${where}` : ''}${hint}`,
      });
    }
    return;
  }
  const position = locate.value(path);
  problems.push({ file, ...position, message: `${where ? `${where}: ` : ''}${issueMessage(issue)}` });
}

interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

/** The keys a strict object accepts at `path` of `schema`, for "did you mean" hints. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  let index = 0;
  while (current) {
    const definition: SchemaDefinition = (current as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
    if (definition.innerType) current = definition.innerType;
    else if (definition.in) current = definition.in;
    else if (index === path.length) return definition.shape ? Object.keys(definition.shape) : [];
    else if (definition.shape) current = definition.shape[String(path[index++])];
    else if (definition.element) {
      current = definition.element;
      index++;
    } else return [];
  }
  return [];
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A message the schema wrote (`use a whole number…`) says more than zod's own.
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      if (issue.message.includes('received undefined')) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}${issue.message.includes('received') ? `, ${issue.message.replace(/^.*(received .*)$/, '$1')}` : ''}`;
    case 'invalid_value':
      return issue.message.startsWith('Invalid')
        ? `expected one of ${issue.values.map((v) => String(v)).join(', ')}`
        : issue.message;
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'array' && issue.minimum === 1 && !issue.message.startsWith('Too small')
        ? issue.message
        : `must have at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}`;
    default:
      return issue.message;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
