import { open } from 'node:fs/promises';
import { ProbeError } from '../probe.js';

/** The report formats the probe reads. */
export type ReportFormat = 'go-test-json' | 'junit-xml';

const SNIFF_BYTES = 64 * 1024;

/**
 * Tells the format from the content, not the name: `<` first means XML; a line starting with `{`
 * means go test -json (go before 1.24 may print plain `FAIL pkg [build failed]` lines first).
 */
export async function detectFormat(file: string, shown: string): Promise<ReportFormat> {
  let text: string;
  let size: number;
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ProbeError(`${shown}: cannot open the report (${error.code ?? error.message})`);
  });
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const start = text.trimStart();
  if (start === '') {
    if (size <= SNIFF_BYTES)
      throw new ProbeError(`${shown}: the report is empty; did the test step write it?`);
    throw new ProbeError(`${shown}: the first 64 KiB are blank; not a go test -json or JUnit XML report`);
  }
  if (start.startsWith('<')) return 'junit-xml';
  if (/^\s*\{/m.test(text)) return 'go-test-json';
  // The content is never quoted: a report can hold secrets from a test's output.
  throw new ProbeError(
    `${shown}: neither go test -json (lines starting with "{") nor JUnit XML (starting with "<"); point the glob at the test step's report`,
  );
}
