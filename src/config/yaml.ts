// Reading the gate file's YAML: strict parsing with lines, and `${VAR}` expansion in place so every
// problem keeps the line it was written on.
import { isPair, isScalar, visit, type Document } from 'yaml';
import { expandVariables } from './expand.js';

/** A YAML parser error as one line, without the parser's own position (the problem carries it). */
export function yamlMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `not valid YAML: ${first}`;
}

/** Expands `${VAR}` in every string value except SQL text, reporting unset variables where they are. */
export function expandDocument(
  doc: Document,
  env: Readonly<Record<string, string | undefined>>,
  at: (offset: number, message: string) => void,
): void {
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${')) return;
      const parent = path.at(-1);
      // SQL is never expanded: values go through `params`, so nothing from the environment is spliced.
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'postgres') return;
      const expansion = expandVariables(node.value, env);
      for (const name of expansion.missing) {
        at(
          node.range?.[0] ?? 0,
          `\${${name}} is not set; set the environment variable ${name} or write \${${name}:-default}`,
        );
      }
      node.value = expansion.value;
    },
  });
}
