import { z } from 'zod';
import { JSON_FIELD_NAME, normalizeJsonPath } from './json-path.js';

// RFC 9110 token: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+\-.^`|~\w]+$/;

const url = z.string().superRefine((value, context) => {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    context.addIssue({
      code: 'custom',
      message: `'${value}' is not a URL; write it as https://host/path`,
    });
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    context.addIssue({
      code: 'custom',
      message: `'${parsed.protocol}' is not supported; use http:// or https://`,
    });
  }
});

const headers = z.record(z.string(), z.string()).superRefine((value, context) => {
  for (const [name, headerValue] of Object.entries(value)) {
    if (!HEADER_NAME.test(name))
      context.addIssue({ code: 'custom', message: `'${name}' is not a valid header name` });
    if (/[\r\n\0]/.test(headerValue)) {
      context.addIssue({ code: 'custom', message: `the value of '${name}' contains a line break` });
    }
  }
});

/** Fields every http check measures; a `json:` field may not take one of these names. */
export const HTTP_FIELDS = ['status', 'body', 'latency_ms', 'headers'] as const;

const jsonPaths = z.record(z.string(), z.string()).transform((value, context) => {
  const paths: Record<string, string> = {};
  for (const [name, path] of Object.entries(value)) {
    if (!JSON_FIELD_NAME.test(name)) {
      context.addIssue({
        code: 'custom',
        message: `json field '${name}': use letters, digits and _ (a name expect can read, e.g. p99_ms)`,
      });
    } else if ((HTTP_FIELDS as readonly string[]).includes(name)) {
      context.addIssue({
        code: 'custom',
        message: `json field '${name}' would hide the http field ${name}; pick another name`,
      });
    }
    const normalized = normalizeJsonPath(path);
    if ('problem' in normalized)
      context.addIssue({ code: 'custom', message: `json field '${name}': ${normalized.problem}` });
    else paths[name] = normalized.path;
  }
  return paths;
});

/** The value under `http:` in a check. */
export const httpSpecSchema = z.strictObject({
  /** http:// or https:// URL. */
  url,
  /** Request method, GET by default. */
  method: z
    .string()
    .regex(/^[A-Za-z]+$/, 'write an HTTP method such as GET or POST')
    .transform((value) => value.toUpperCase())
    .default('GET'),
  /** Request headers; values of secret-like names are masked everywhere. */
  headers: headers.optional(),
  /** Request body, sent as is. */
  body: z.string().optional(),
  /** Follow up to 5 redirects; off by default so a 302 to a login page is not mistaken for a 200. */
  follow: z.boolean().default(false),
  /** Skip TLS certificate verification; shown in the summary. */
  insecure: z.boolean().default(false),
  /** Named fields read from a JSON answer by JSONPath (RFC 9535), e.g. { p99: '$.latency.p99' }. */
  json: jsonPaths.optional().meta({
    description:
      "Fields read from a JSON answer by JSONPath (RFC 9535): { p99: '$.latency.p99', ok: '$.healthy' }. A path that matches nothing is an error; several matches give a list.",
  }),
});

/** A validated `http:` spec. */
export type HttpSpec = z.infer<typeof httpSpecSchema>;
