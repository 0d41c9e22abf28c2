import { createReadStream } from 'node:fs';
import { ProbeError } from '../probe.js';

/**
 * Calls `onLine` for every line of a file, reading it as a stream so that a report of hundreds
 * of megabytes never becomes one string. Line numbers start at 1.
 */
export async function forEachLine(
  file: string,
  shown: string,
  signal: AbortSignal,
  onLine: (line: string, lineNumber: number) => void,
): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let rest = '';
  let lineNumber = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (signal.aborted)
        throw new ProbeError(`${shown}: stopped reading at line ${lineNumber}: the check timed out`);
      let text = rest + chunk;
      let start = 0;
      let end = text.indexOf('\n', start);
      while (end !== -1) {
        lineNumber += 1;
        onLine(
          text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end),
          lineNumber,
        );
        start = end + 1;
        end = text.indexOf('\n', start);
      }
      rest = text.slice(start);
      text = '';
    }
    if (rest !== '') onLine(rest, lineNumber + 1);
  } finally {
    stream.destroy();
  }
}
