import { registerKnownSecrets } from '../secrets.js';
import { Redactor } from '../report/redact.js';
import { ArtefactSink } from '../report/sink.js';
import type { CliIo } from './io.js';

/**
 * The CLI's sink, with the secrets of `io.env` already registered: stdout for results, stderr for
 * everything else (`warning: …`, `debug: …` only with `verbose`). All of it masked on the way out.
 */
export function cliSink(
  io: CliIo,
  options: { verbose?: boolean; extra?: readonly string[] } = {},
): ArtefactSink {
  const redactor = new Redactor();
  // A terminal has no add-mask: the sink is the only mask.
  registerKnownSecrets(io.env, redactor, () => undefined, options.extra ?? []);
  return new ArtefactSink(redactor, {
    log: (level, text) => {
      if (level === 'debug' && !options.verbose) return;
      io.stderr(level === 'info' ? text : `${level}: ${text}`);
    },
    stdout: (text) => io.stdout(text),
  });
}
