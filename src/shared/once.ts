/**
 * `build`'s value, built on the first call and kept. For what start-up need not pay for, such as
 * zod schemas only a baseline, history or merge reads.
 */
export function builtOnce<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
