// Connection URLs as a report may show them: where, never the credentials.

/**
 * `postgresql://gate@db:5432/app` for `postgresql://gate:pw@db:5432/app`: the URL without its
 * password (in the userinfo or a `password` query parameter). Undefined when there is no URL or it
 * cannot be parsed, so the caller falls back to naming a variable instead of printing the text.
 */
export function urlWithoutPassword(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()])
    if (/^(password|passwd|pass|pwd|token|secret|api[_-]?key)$/i.test(key)) parsed.searchParams.delete(key);
  return parsed.toString();
}
