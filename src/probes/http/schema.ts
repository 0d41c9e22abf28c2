import { z } from 'zod';
import { httpHeadersSchema, parseHttpUrl } from '../../shared/http-schema.js';
import { JSON_FIELD_NAME, normalizeJsonPath } from './json-path.js';

const url = z.string().superRefine((value, context) => {
  parseHttpUrl(value, context, 'write it as https://host/path');
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
  headers: httpHeadersSchema.optional(),
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
