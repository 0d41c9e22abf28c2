/** A value a probe measured; what `expect` compares and `{{field}}` inserts. */
export type FieldValue =
  string | number | bigint | boolean | null | readonly string[] | { readonly [key: string]: string };

/** Everything one try of a check measured, by field name. */
export type Fields = Record<string, FieldValue>;
