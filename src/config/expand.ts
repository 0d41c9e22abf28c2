const REFERENCE = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Result of expanding `${NAME}` references in one string. */
export interface Expansion {
  value: string;
  /** Variables referenced without a default that are not set. */
  missing: string[];
  /** Names of variables whose values were inserted (so secrets among them can be masked). */
  used: string[];
}

/**
 * Replaces `${NAME}` with the environment variable NAME and `${NAME:-default}` with its default
 * when NAME is unset or empty; `$${` stays a literal `${`.
 */
export function expandVariables(text: string, env: Readonly<Record<string, string | undefined>>): Expansion {
  const missing: string[] = [];
  const used: string[] = [];
  const value = text.replace(
    REFERENCE,
    (match: string, name: string | undefined, fallback: string | undefined) => {
      if (match === '$${') return '${';
      const current = env[name!];
      if (current !== undefined && current !== '') {
        used.push(name!);
        return current;
      }
      if (fallback !== undefined) return fallback;
      if (current === undefined) missing.push(name!);
      return '';
    },
  );
  return { value, missing, used };
}
