import { TOOL } from '../version.js';

/** A command line that cannot be used; exits 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const MAIN_HELP = `${TOOL.name} ${TOOL.version} — decide Go/No-Go from a gate file, from your laptop or CI

Usage:
  ${TOOL.name} validate [FILE...]     check gate files; every problem as file:line:col: message
  ${TOOL.name} run [FILE] [options]   gather the evidence and decide Go/No-Go
  ${TOOL.name} merge FILE... [options] merge the bundles of matrix jobs into one decision
  ${TOOL.name} --help | --version

FILE defaults to .github/regression-gate.yml.
Exit codes: 0 Go (or valid), 1 No-Go, 2 invalid gate file or usage.
Run '${TOOL.name} <command> --help' for the options of a command. Docs: docs/cli.md
`;

export const VALIDATE_HELP = `Usage: ${TOOL.name} validate [FILE...] [--require-env]

Checks each gate file against the probes' schemas and the expect language without touching any
source. Prints 'FILE: ok …' per valid file and every problem as file:line:col: message.

Variables (\${NAME}) that are not set in this shell are filled with a placeholder and listed in a
note, so a file can be checked where its secrets are not available.

Options:
  --require-env   an unset \${NAME} is a problem, as it is for 'run'
  -h, --help      this help

Exit codes: 0 every file is valid, 2 a file has problems (or bad usage).
`;

export const RUN_HELP = `Usage: ${TOOL.name} run [FILE] [options]

Evaluates the gate against real sources and prints the result table. Sources come from the
environment, as in the action:
  DATABASE_URL                 postgres checks (a SELECT-only role; see docs/postgres.md)
  KUBECONFIG                   kubernetes checks (else ~/.kube/config)
  GITHUB_TOKEN (or GH_TOKEN)   github checks; GITHUB_REPOSITORY=owner/name; GITHUB_API_URL for GHES
and any \${NAME} the gate file uses.

Options:
  -o, --out DIR          write the bundle (<gate.id>.md and .json) here (default: gate-report)
      --json             print the bundle's JSON to stdout instead of the table
      --only SCENARIO    run only this scenario or precondition (id or name); repeatable
      --concurrency N    checks in flight at once, 1..64 (default: 8)
      --timeout DURATION deadline for the whole gate, e.g. 10m (default: 15m)
      --language en|ru   language of the report headings (default: gate.language)
      --verbose          print the probes' debug lines to stderr
      --environment NAME label the run (title, bundle name <gate.id>.NAME.json), e.g. staging
      --shard K/N        run only the K-th of N slices of the scenarios (preconditions always run)
  -h, --help             this help

Exit codes: 0 Go, 1 No-Go, 2 invalid gate file or usage.
`;

export const MERGE_HELP = `Usage: ${TOOL.name} merge FILE... [options]

Merges the JSON bundles of matrix jobs (environments and shards) into one decision, without
running any check. FILE may be a glob ('bundles/*.json'). A missing or doubled shard, a bundle of
another gate or format, or a file that cannot be read is an error, and the decision is No-Go.

Options:
  -o, --out DIR          write the merged bundle (<gate.id>.md and .json) here (default: gate-report)
      --json             print the merged bundle's JSON to stdout instead of the table
      --environment LIST the environments the matrix ran (repeat it, or staging,prod-eu): one
                         without any bundle, or a bundle of another one, is an error (No-Go)
      --language en|ru   language of the report headings (default: the bundles' gate.language)
      --fail-on MODE     no-go (default), new-failures, or never (exit 0 whatever the decision)
  -h, --help             this help

Exit codes: 0 Go, 1 No-Go, 2 bad usage.
`;
