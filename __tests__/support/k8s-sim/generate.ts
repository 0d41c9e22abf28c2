import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './index.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/kubernetes');

/**
 * Reads a fixture from __tests__/fixtures/kubernetes: a YAML stream of objects, or a `kind: List`.
 * Returns fresh copies so a test may change them.
 */
export function loadFixture(name: string): K8sObject[] {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  const objects: K8sObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if (Array.isArray(document)) throw new Error(`${name}: unexpected empty document`);
    const value = (document as { toJS(): unknown }).toJS() as (K8sObject & { items?: K8sObject[] }) | null;
    if (!value) continue;
    if (value.kind === 'List' && Array.isArray(value.items)) objects.push(...value.items);
    else objects.push(value);
  }
  return objects;
}

function uid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface GenerateNamespacesOptions {
  /** Name prefix; names are `${prefix}${index}`, zero-padded so they sort like the API does. */
  prefix?: string;
  labels?: Record<string, string>;
  /** Every nth namespace also gets `labels`; the rest get only the base labels. Default 1 (all). */
  every?: number;
}

/** Namespaces shaped as the API server returns them, for paging and benchmark runs (10,000 and up). */
export function generateNamespaces(count: number, options: GenerateNamespacesOptions = {}): K8sObject[] {
  const prefix = options.prefix ?? 'codex-k8s-run-';
  const width = String(count).length;
  const every = options.every ?? 1;
  const created = Date.parse('2026-02-10T09:00:00Z');
  const namespaces: K8sObject[] = [];
  for (let index = 0; index < count; index++) {
    const name = `${prefix}${String(index).padStart(width, '0')}`;
    const labels: Record<string, string> = { 'kubernetes.io/metadata.name': name };
    if (index % every === 0) Object.assign(labels, options.labels ?? {});
    namespaces.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        uid: uid(name),
        resourceVersion: String(200_000 + index),
        creationTimestamp: new Date(created + index * 1000).toISOString().replace('.000Z', 'Z'),
        labels,
        managedFields: [
          {
            manager: 'codex-k8s-worker',
            operation: 'Apply',
            apiVersion: 'v1',
            time: new Date(created + index * 1000).toISOString().replace('.000Z', 'Z'),
            fieldsType: 'FieldsV1',
            fieldsV1: {
              'f:metadata': {
                'f:labels': Object.fromEntries(Object.keys(labels).map((key) => [`f:${key}`, {}])),
              },
            },
          },
        ],
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  return namespaces;
}
