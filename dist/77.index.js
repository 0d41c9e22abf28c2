export const id = 77;
export const ids = [77,604];
export const modules = {

/***/ 71604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EXIT: () => (/* binding */ EXIT),
/* harmony export */   processIo: () => (/* binding */ processIo),
/* harmony export */   useColour: () => (/* binding */ useColour)
/* harmony export */ });
/** Exit codes: the contract scripts and CI steps rely on. */
const EXIT = {
    go: 0,
    noGo: 1,
    /** Invalid gate file, bad usage, or a gate that could not be evaluated at all. */
    invalid: 2,
};
/** The real process: its environment, working directory and streams. */
function processIo() {
    const io = {
        env: process.env,
        cwd: process.cwd(),
        stdout: (text) => void process.stdout.write(text),
        stderr: (text) => void process.stderr.write(text),
        stdoutIsTTY: process.stdout.isTTY === true,
        stderrIsTTY: process.stderr.isTTY === true,
    };
    if (process.stdout.columns)
        io.columns = process.stdout.columns;
    return io;
}
/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR stands in for a terminal. */
function useColour(io) {
    if (io.env.NO_COLOR)
        return false;
    const forced = io.env.FORCE_COLOR;
    if (forced !== undefined && forced !== '' && forced !== '0' && forced !== 'false')
        return true;
    return io.stdoutIsTTY;
}


/***/ }),

/***/ 85077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cli: () => (/* binding */ cli)
});

// EXTERNAL MODULE: ./src/engine/run.ts + 7 modules
var run = __webpack_require__(5072);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/engine/merge-validate.ts
var merge_validate = __webpack_require__(96129);
// EXTERNAL MODULE: ./src/engine/shard.ts
var engine_shard = __webpack_require__(20914);
;// CONCATENATED MODULE: ./src/cli/usage.ts

/** A command line that cannot be used; exits 2 with the message and a pointer to --help. */
class UsageError extends Error {
    name = 'UsageError';
}
const MAIN_HELP = `${version/* TOOL */.j.name} ${version/* TOOL */.j.version} — decide Go/No-Go from a gate file, from your laptop or CI

Usage:
  ${version/* TOOL */.j.name} validate [FILE...]     check gate files; every problem as file:line:col: message
  ${version/* TOOL */.j.name} run [FILE] [options]   gather the evidence and decide Go/No-Go
  ${version/* TOOL */.j.name} merge FILE... [options] merge the bundles of matrix jobs into one decision
  ${version/* TOOL */.j.name} --help | --version

FILE defaults to .github/regression-gate.yml.
Exit codes: 0 Go (or valid), 1 No-Go, 2 invalid gate file or usage.
Run '${version/* TOOL */.j.name} <command> --help' for the options of a command. Docs: docs/cli.md
`;
const VALIDATE_HELP = `Usage: ${version/* TOOL */.j.name} validate [FILE...] [--require-env]

Checks each gate file against the probes' schemas and the expect language without touching any
source. Prints 'FILE: ok …' per valid file and every problem as file:line:col: message.

Variables (\${NAME}) that are not set in this shell are filled with a placeholder and listed in a
note, so a file can be checked where its secrets are not available.

Options:
  --require-env   an unset \${NAME} is a problem, as it is for 'run'
  -h, --help      this help

Exit codes: 0 every file is valid, 2 a file has problems (or bad usage).
`;
const RUN_HELP = `Usage: ${version/* TOOL */.j.name} run [FILE] [options]

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
const MERGE_HELP = `Usage: ${version/* TOOL */.j.name} merge FILE... [options]

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

;// CONCATENATED MODULE: ./src/cli/args.ts





/** The gate file used when none is named, as in the action's `config` input. */
const DEFAULT_GATE_FILE = '.github/regression-gate.yml';
/** Parses argv (without node and the script); throws UsageError for anything it cannot use. */
function parseCommandLine(argv) {
    const [first, ...rest] = argv;
    if (first === undefined)
        throw new UsageError('no command given; use validate or run');
    if (first === '-h' || first === '--help' || first === 'help')
        return { name: 'help', topic: 'main' };
    if (first === '-v' || first === '--version' || first === 'version')
        return { name: 'version' };
    if (first === 'validate')
        return parseValidate(rest);
    if (first === 'run')
        return parseRun(rest);
    if (first === 'merge')
        return parseMerge(rest);
    if (first.startsWith('-'))
        throw new UsageError(`unknown option '${first}' before the command`);
    throw new UsageError(`unknown command '${first}'; use validate, run or merge`);
}
function parseValidate(argv) {
    const { values, positionals } = parse(argv, {
        'require-env': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help)
        return { name: 'help', topic: 'validate' };
    return {
        name: 'validate',
        options: {
            files: positionals.length > 0 ? positionals : [DEFAULT_GATE_FILE],
            requireEnv: values['require-env'] === true,
        },
    };
}
function parseRun(argv) {
    const { values, positionals } = parse(argv, {
        out: { type: 'string', short: 'o', default: 'gate-report' },
        json: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true, default: [] },
        concurrency: { type: 'string', default: '8' },
        timeout: { type: 'string', default: '15m' },
        language: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        environment: { type: 'string' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help)
        return { name: 'help', topic: 'run' };
    if (positionals.length > 1) {
        throw new UsageError(`run takes one gate file, got ${positionals.length} (${positionals.join(', ')}); run them one at a time`);
    }
    const concurrencyText = String(values.concurrency);
    const concurrency = Number(concurrencyText);
    if (!/^\d+$/.test(concurrencyText) || concurrency < 1 || concurrency > 64) {
        throw new UsageError(`--concurrency is '${concurrencyText}'; use a whole number from 1 to 64`);
    }
    const timeoutText = String(values.timeout);
    const gateTimeoutMs = (0,duration/* parseDuration */.E)(timeoutText);
    if (gateTimeoutMs === undefined || gateTimeoutMs <= 0) {
        throw new UsageError(`--timeout is '${timeoutText}'; write a duration like 10m, 90s or 1h`);
    }
    const out = String(values.out);
    if (out.trim() === '')
        throw new UsageError('--out is empty; name a directory for the report bundle');
    const options = {
        file: positionals[0] ?? DEFAULT_GATE_FILE,
        out,
        json: values.json === true,
        only: values.only.map((item) => item.trim()).filter((item) => item !== ''),
        concurrency,
        gateTimeoutMs,
        verbose: values.verbose === true,
    };
    const language = languageOf(values.language);
    if (language)
        options.language = language;
    if (values.environment !== undefined) {
        const environment = String(values.environment).trim();
        if (environment === '' || environment.length > 64 || /[\p{Cc}\p{Cf}]/u.test(environment))
            throw new UsageError('--environment must be a short one-line label (1 to 64 characters), such as staging');
        options.environment = environment;
    }
    if (values.shard !== undefined) {
        const shard = (0,engine_shard/* parseShard */.uK)(String(values.shard));
        if ('problem' in shard)
            throw new UsageError(`--shard ${shard.problem}`);
        options.shard = shard;
    }
    return { name: 'run', options };
}
function languageOf(value) {
    if (value === undefined)
        return undefined;
    const language = String(value);
    if (language !== 'en' && language !== 'ru')
        throw new UsageError(`--language is '${language}'; use en or ru`);
    return language;
}
function parseMerge(argv) {
    const { values, positionals } = parse(argv, {
        out: { type: 'string', short: 'o', default: 'gate-report' },
        json: { type: 'boolean', default: false },
        language: { type: 'string' },
        'fail-on': { type: 'string', default: 'no-go' },
        environment: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
    });
    if (values.help)
        return { name: 'help', topic: 'merge' };
    const listed = values.environment;
    const expected = listed ? (0,merge_validate/* parseEnvironmentList */.pI)(listed.join(',')) : undefined;
    if (expected && 'problem' in expected)
        throw new UsageError(`--environment ${expected.problem}`);
    if (expected && expected.names.length === 0)
        throw new UsageError('--environment is empty; name the environments the matrix ran, e.g. staging,prod-eu');
    if (positionals.length === 0)
        throw new UsageError('merge needs the bundle files of the jobs, e.g. merge bundles/*.json --out gate-report');
    const out = String(values.out);
    if (out.trim() === '')
        throw new UsageError('--out is empty; name a directory for the merged bundle');
    const failOn = String(values['fail-on']);
    if (failOn !== 'no-go' && failOn !== 'new-failures' && failOn !== 'never')
        throw new UsageError(`--fail-on is '${failOn}'; use no-go, new-failures or never`);
    const options = { patterns: positionals, out, json: values.json === true, failOn };
    const language = languageOf(values.language);
    if (language)
        options.language = language;
    if (expected)
        options.environments = expected.names;
    return { name: 'merge', options };
}
function parse(argv, options) {
    try {
        const parsed = (0,external_node_util_.parseArgs)({ args: [...argv], options, allowPositionals: true, strict: true });
        return {
            values: parsed.values,
            positionals: parsed.positionals,
        };
    }
    catch (error) {
        // node:util's messages are already one clear line ("Unknown option '--x'"); drop its hint about '--'.
        const message = error instanceof Error ? error.message.split('. To specify a positional')[0] : String(error);
        throw new UsageError(message.replace(/\.$/, ''));
    }
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/load.ts + 8 modules
var load = __webpack_require__(33109);
// EXTERNAL MODULE: ./src/config/problems.ts
var problems = __webpack_require__(34968);
// EXTERNAL MODULE: ./src/run-gate.ts
var run_gate = __webpack_require__(65948);
// EXTERNAL MODULE: ./src/probes/registry.ts + 19 modules
var registry = __webpack_require__(85665);
;// CONCATENATED MODULE: ./src/cli/progress.ts

/** Without a terminal, progress lines start once a run has taken this long (CI logs stay short otherwise). */
const LONG_RUN_MS = 10_000;
/** One stderr line per finished scenario: always on a terminal, on long runs elsewhere. */
class Progress {
    gate;
    io;
    say;
    total;
    done = 0;
    started = performance.now();
    constructor(gate, io, say) {
        this.gate = gate;
        this.io = io;
        this.say = say;
        this.total = gate.preconditions.length + gate.scenarios.length;
    }
    start(options) {
        if (!this.io.stderrIsTTY)
            return;
        const checks = [...this.gate.preconditions, ...this.gate.scenarios].reduce((sum, scenario) => sum + scenario.checks.length, 0);
        this.say(`Checking ${this.gate.meta.id}: ${this.total} rows, ${checks} checks (concurrency ${options.concurrency}, deadline ${(0,duration/* formatDuration */.a)(options.gateTimeoutMs)})\n`);
    }
    finished(scenario) {
        this.done += 1;
        const elapsed = performance.now() - this.started;
        if (!this.io.stderrIsTTY && elapsed < LONG_RUN_MS)
            return;
        const width = String(this.total).length;
        this.say(`[${String(this.done).padStart(width)}/${this.total}] ${(0,duration/* formatDuration */.a)(elapsed).padStart(5)}  finished: ${scenario.name}\n`);
    }
}

// EXTERNAL MODULE: ./src/report/bundle.ts
var report_bundle = __webpack_require__(9932);
// EXTERNAL MODULE: ./src/report/terminal.ts
var terminal = __webpack_require__(87496);
;// CONCATENATED MODULE: ./src/cli/report.ts
// What `run` and `merge` both do once they have a result: write the bundle into `--out` and print
// the terminal table (or the JSON with `--json`), every byte through the command's sink.





/**
 * Writes the bundle (a failure is a warning: the terminal output still comes) and prints the
 * result; `what` names the bundle in that warning ("report bundle", "merged bundle").
 */
async function writeAndPrint(result, options, io, sink, what) {
    let bundle;
    try {
        bundle = await (0,report_bundle/* writeBundle */.Mf)(result, (0,external_node_path_.resolve)(io.cwd, options.out), sink);
    }
    catch (error) {
        sink.log('warning', `the ${what} could not be written to ${options.out}: ${(0,run/* messageOf */.bD)(error)}\n`);
    }
    if (options.json) {
        sink.stdout((0,report_bundle/* bundleJson */.VN)(result), 'json');
    }
    else {
        const table = (0,terminal/* renderTerminal */.b)(result, { colour: (0,cli_io.useColour)(io), width: io.columns ?? 120 });
        sink.stdout(`${table}\n`);
        if (bundle)
            sink.stdout(`\nReport: ${shown(bundle.markdown, io.cwd)} and ${shown(bundle.json, io.cwd)}\n`);
    }
    return bundle;
}
/** A path relative to the working directory when it is inside it. */
function shown(path, cwd) {
    const inside = (0,external_node_path_.relative)(cwd, path);
    return inside !== '' && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside) ? inside : path;
}

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(27194);
// EXTERNAL MODULE: ./src/report/redact.ts + 1 modules
var redact = __webpack_require__(90844);
// EXTERNAL MODULE: ./src/report/sink.ts
var sink = __webpack_require__(86443);
;// CONCATENATED MODULE: ./src/cli/sink.ts



/**
 * The CLI's sink, with the secrets of `io.env` already registered: stdout for results, stderr for
 * everything else (`warning: …`, `debug: …` only with `verbose`). All of it masked on the way out.
 */
function cliSink(io, options = {}) {
    const redactor = new redact/* Redactor */.pO();
    // A terminal has no add-mask: the sink is the only mask.
    (0,secrets/* registerKnownSecrets */.YN)(io.env, redactor, () => undefined, options.extra ?? []);
    return new sink/* ArtefactSink */.W(redactor, {
        log: (level, text) => {
            if (level === 'debug' && !options.verbose)
                return;
            io.stderr(level === 'info' ? text : `${level}: ${text}`);
        },
        stdout: (text) => io.stdout(text),
    });
}

;// CONCATENATED MODULE: ./src/cli/run.ts











/** `regression-gate run`: load, evaluate against the sources in `io.env`, print, write the bundle. */
async function runCommand(options, io) {
    const githubToken = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
    // Every line this command prints, and the bundle, leave through this sink.
    const sink = cliSink(io, { verbose: options.verbose, extra: githubToken ? [githubToken] : [] });
    const say = (text) => sink.log('info', text);
    let gate;
    try {
        gate = await (0,load/* loadGateFile */.Mt)((0,external_node_path_.resolve)(io.cwd, options.file), {
            file: options.file,
            env: io.env,
            probes: registry/* probeRegistry */.k,
        });
    }
    catch (error) {
        if (!(error instanceof problems/* ConfigError */.xL))
            throw error;
        for (const problem of sink.redactor.redactValue(error.problems))
            say(`${(0,problems/* formatProblem */.Vw)(problem)}\n`);
        say(`${options.file} has ${error.problems.length} problem(s); no check was run.\n`);
        return { exitCode: cli_io.EXIT.invalid };
    }
    if (options.language)
        gate.meta.language = options.language;
    if (options.environment)
        gate.meta.environment = options.environment;
    if (options.only.length > 0)
        gate = selectOnly(gate, options.only);
    let shard;
    if (options.shard)
        ({ gate, shard } = (0,engine_shard/* selectShard */.Xm)(gate, options.shard));
    const progress = new Progress(gate, io, say);
    progress.start(options);
    const evaluated = await (0,run_gate/* runGate */.R)(gate, {
        env: io.env,
        workspace: io.cwd,
        ...(githubToken ? { githubToken } : {}),
        redactor: sink.redactor,
        mask: () => undefined,
        debug: (message) => sink.log('debug', `${message}\n`),
        concurrency: options.concurrency,
        gateTimeoutMs: options.gateTimeoutMs,
        onScenario: (scenario) => progress.finished(scenario),
    });
    if (options.environment)
        evaluated.environment = options.environment;
    if (shard)
        evaluated.shard = shard;
    const result = sink.redactor.redactValue(evaluated);
    const bundle = await writeAndPrint(result, options, io, sink, 'report bundle');
    return { exitCode: result.decision === 'go' ? cli_io.EXIT.go : cli_io.EXIT.noGo, result, ...(bundle ? { bundle } : {}) };
}
/**
 * Keeps only the rows `--only` names (by id or name). Preconditions not named are left out too:
 * trying one scenario from a laptop should not need the deploy run that gates the whole file.
 */
function selectOnly(gate, only) {
    const rows = [...gate.preconditions, ...gate.scenarios];
    const matches = (scenario, wanted) => scenario.id === wanted ||
        scenario.name === wanted ||
        scenario.name.toLowerCase() === wanted.toLowerCase();
    for (const wanted of only) {
        if (!rows.some((scenario) => matches(scenario, wanted))) {
            const ids = rows.map((scenario) => scenario.id).join(', ');
            throw new UsageError(`--only '${wanted}' matches no scenario or precondition of ${gate.file}; ids: ${ids}`);
        }
    }
    const keep = (scenario) => only.some((wanted) => matches(scenario, wanted));
    return { ...gate, preconditions: gate.preconditions.filter(keep), scenarios: gate.scenarios.filter(keep) };
}

// EXTERNAL MODULE: ./src/engine/decision.ts
var decision = __webpack_require__(47706);
// EXTERNAL MODULE: ./src/engine/merge.ts
var merge = __webpack_require__(27534);
// EXTERNAL MODULE: ./src/merge-files.ts + 2 modules
var merge_files = __webpack_require__(72758);
;// CONCATENATED MODULE: ./src/cli/merge.ts







/** `regression-gate merge FILES… --out DIR`: the bundles of matrix jobs into one decision; no check runs. */
async function mergeCommand(options, io) {
    const githubToken = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
    const sink = cliSink(io, { extra: githubToken ? [githubToken] : [] });
    const files = await (0,merge_files/* readMergeInputs */.yD)(options.patterns, io.cwd);
    const result = sink.redactor.redactOwnedValue((0,merge/* mergeBundles */.aY)(files, {
        mode: (0,decision/* decisionModeFor */.FF)(options.failOn),
        now: new Date(),
        tool: version/* TOOL */.j,
        gateFile: '.github/regression-gate.yml',
        ...(options.language ? { language: options.language } : {}),
        ...(options.environments ? { expected: { names: options.environments, from: '--environment' } } : {}),
    }));
    if (!options.environments)
        sink.log('notice', `${(0,merge_files/* foundEnvironmentsNotice */.jT)(result, '--environment a,b')}\n`);
    await writeAndPrint(result, options, io, sink, 'merged bundle');
    if (result.decision === 'go' || options.failOn === 'never')
        return cli_io.EXIT.go;
    return cli_io.EXIT.noGo;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/config/expand.ts
var expand = __webpack_require__(24740);
;// CONCATENATED MODULE: ./src/cli/validate.ts








// Fits every field a variable usually fills: a URL host, a run id, a namespace, a duration.
const PLACEHOLDER = '1';
// A variable named …URL usually fills a whole URL (`url: ${PROMETHEUS_URL}`), which '1' is not.
const URL_PLACEHOLDER = 'http://1';
function placeholderFor(name) {
    return /URL$/i.test(name) ? URL_PLACEHOLDER : PLACEHOLDER;
}
/** `regression-gate validate`: every problem of every file, as file:line:col: message. */
async function validateCommand(options, io) {
    // Problems can quote expanded values; everything printed leaves through the sink.
    const sink = cliSink(io);
    let valid = true;
    for (const file of options.files) {
        const path = (0,external_node_path_.resolve)(io.cwd, file);
        const unset = options.requireEnv ? [] : await unsetVariables(path, io.env);
        const env = { ...io.env, ...Object.fromEntries(unset.map((name) => [name, placeholderFor(name)])) };
        try {
            const gate = await (0,load/* loadGateFile */.Mt)(path, { file, env, probes: registry/* probeRegistry */.k });
            sink.stdout(`${file}: ok — ${summary(gate)}\n`);
        }
        catch (error) {
            if (!(error instanceof problems/* ConfigError */.xL))
                throw error;
            valid = false;
            for (const problem of sink.redactor.redactValue(error.problems))
                sink.stdout(`${(0,problems/* formatProblem */.Vw)(problem)}\n`);
            sink.stdout(`${file}: ${error.problems.length} problem(s)\n`);
        }
        if (unset.length > 0) {
            sink.log('info', `${file}: note: ${unset.map((name) => `\${${name}}`).join(', ')} ${unset.length === 1 ? 'is' : 'are'} not set here and ${unset.length === 1 ? 'was' : 'were'} checked with a placeholder; 'run' needs ${unset.length === 1 ? 'it' : 'them'} (--require-env makes this an error)\n`);
        }
    }
    return valid ? cli_io.EXIT.go : cli_io.EXIT.invalid;
}
/** Variables the file references without a default that this environment does not set. */
async function unsetVariables(path, env) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        // The loader reports a missing or unreadable file with its own message.
        return [];
    }
    return [...new Set((0,expand/* expandVariables */.i)(text, env).missing)];
}
function summary(gate) {
    const checks = [...gate.preconditions, ...gate.scenarios].reduce((total, scenario) => total + scenario.checks.length, 0);
    const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
    return `${gate.meta.id}: ${plural(gate.preconditions.length, 'precondition')}, ${plural(gate.scenarios.length, 'scenario')}, ${plural(checks, 'check')}`;
}

;// CONCATENATED MODULE: ./src/cli/main.ts









const HELP = { main: MAIN_HELP, run: RUN_HELP, validate: VALIDATE_HELP, merge: MERGE_HELP };
/** The CLI: parses argv, runs one command, returns the exit code. Never throws. */
async function cli(argv, io) {
    try {
        const command = parseCommandLine(argv);
        switch (command.name) {
            case 'help':
                io.stdout(HELP[command.topic]);
                return cli_io.EXIT.go;
            case 'version':
                io.stdout(`${version/* TOOL */.j.version}\n`);
                return cli_io.EXIT.go;
            case 'validate':
                return await validateCommand(command.options, io);
            case 'run':
                return (await runCommand(command.options, io)).exitCode;
            case 'merge':
                return await mergeCommand(command.options, io);
        }
    }
    catch (error) {
        if (error instanceof UsageError) {
            cliSink(io).log('info', `${version/* TOOL */.j.name}: ${error.message}\nRun '${version/* TOOL */.j.name} --help' for usage.\n`);
            return cli_io.EXIT.invalid;
        }
        cliSink(io).log('info', `${version/* TOOL */.j.name}: ${(0,run/* messageOf */.bD)(error)}\n`);
        return cli_io.EXIT.invalid;
    }
}


/***/ })

};
