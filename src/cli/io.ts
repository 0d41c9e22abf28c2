/** Where the CLI reads its world from and writes to; tests and the demo pass their own. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths (gate file, --out, report globs) resolve against. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width when stdout is a terminal. */
  columns?: number;
}

/** Exit codes: the contract scripts and CI steps rely on. */
export const EXIT = {
  go: 0,
  noGo: 1,
  /** Invalid gate file, bad usage, or a gate that could not be evaluated at all. */
  invalid: 2,
} as const;

/** The real process: its environment, working directory and streams. */
export function processIo(): CliIo {
  const io: CliIo = {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
  if (process.stdout.columns) io.columns = process.stdout.columns;
  return io;
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR stands in for a terminal. */
export function useColour(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  const forced = io.env.FORCE_COLOR;
  if (forced !== undefined && forced !== '' && forced !== '0' && forced !== 'false') return true;
  return io.stdoutIsTTY;
}
