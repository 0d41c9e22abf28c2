import { z } from 'zod';

// RFC 9110 token: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+\-.^`|~\w]+$/;

/**
 * Request headers as a gate file writes them (`http: headers:`, `sources.prometheus.headers`): each
 * name an RFC 9110 token and no value with a line break, so nothing can smuggle a header or a request.
 */
export const httpHeadersSchema = z.record(z.string(), z.string()).superRefine((value, context) => {
  for (const [name, headerValue] of Object.entries(value)) {
    if (!HEADER_NAME.test(name))
      context.addIssue({ code: 'custom', message: `'${name}' is not a valid header name` });
    if (/[\r\n\0]/.test(headerValue))
      context.addIssue({ code: 'custom', message: `the value of '${name}' contains a line break` });
  }
});

/**
 * Parses an http(s) URL a gate file gives, adding an issue when it is not one; `fix` says how to
 * write it. The URL is returned even when its scheme is refused, so the caller can add its own checks.
 */
export function parseHttpUrl(value: string, context: z.RefinementCtx, fix: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    context.addIssue({ code: 'custom', message: `'${value}' is not a URL; ${fix}` });
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    context.addIssue({
      code: 'custom',
      message: `'${parsed.protocol}' is not supported; use http:// or https://`,
    });
  }
  return parsed;
}
