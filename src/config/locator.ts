import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from './model.js';

/** Finds the source position of a path inside the parsed document. */
export class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the value at `path`, or of its nearest ancestor that exists. */
  value(path: readonly PropertyKey[]): Position {
    for (let length = path.length; length >= 0; length--) {
      const node = this.doc.getIn(path.slice(0, length) as (string | number)[], true) as Node | undefined;
      if (node?.range) return this.position(node.range[0]);
    }
    return { line: 1, column: 1 };
  }

  /** Position of the key `key` in the mapping at `path` (for unknown keys). */
  key(path: readonly PropertyKey[], key: string): Position {
    const map = this.doc.getIn(path as (string | number)[], true);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range)
          return this.position(pair.key.range[0]);
      }
    }
    return this.value(path);
  }

  /** Position inside a one-line scalar value, `column` characters into its text. */
  inside(path: readonly PropertyKey[], column: number): Position {
    const node = this.doc.getIn(path as (string | number)[], true);
    const start = this.value(path);
    if (!isScalar(node)) return start;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    const singleLine = node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED';
    return singleLine ? { line: start.line, column: start.column + quoted + column } : start;
  }

  private position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}
