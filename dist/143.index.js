export const id = 143;
export const ids = [143];
export const modules = {

/***/ 61143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openTestsSession: () => (/* binding */ openTestsSession)
});

// UNUSED EXPORTS: readTestReports

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(86489);
;// CONCATENATED MODULE: ./src/probes/tests/collector.ts
// Runner chatter that says nothing about why a test failed (go's own lines, go-junit-report's
// and gotestsum's `message="Failed"`).
const NOISE = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)\b|--- (?:PASS|FAIL|SKIP):|PASS$|FAIL$|Failed$|ok\s|FAIL\s+\S+\s+[\d.]+s$)/;
/** True for a line of runner chatter that should not take a place in the evidence. */
function isNoise(line) {
    return line.trim() === '' || NOISE.test(line);
}
/** How many output lines one failing test contributes to the `output` field. */
const LINES_PER_TEST = 8;
const OUTPUT_LINES = 40;
const LINE_CHARS = 240;
/**
 * Gathers the outcomes of the named tests across every report of a check and turns them into
 * the probe's fields. Only tests that some `names:` entry matches are kept, so memory stays
 * bounded by the names, not by the size of the reports.
 */
class ResultCollector {
    matcher;
    retries;
    tests = new Map();
    matchedEntries = new Set();
    packageFailures = [];
    constructor(matcher, 
    // Stryker disable next-line StringLiteral: the probe's session always passes the policy (`spec.retries ?? 'fail'`)
    retries = 'fail') {
        this.matcher = matcher;
        this.retries = retries;
    }
    /** True when any `names:` entry matches one of these names (cheap enough to call per test). */
    wants(candidates) {
        return this.matcher.match(candidates).length > 0;
    }
    /** Records one run of a test; runs with the same `id` are runs of one test. */
    record(run) {
        const hits = this.matcher.match(run.candidates);
        if (hits.length === 0)
            return;
        for (const hit of hits)
            this.matchedEntries.add(hit);
        let recorded = this.tests.get(run.id);
        if (!recorded) {
            // Stryker disable next-line ArrayDeclaration: replaced at the first failed run, and read only for failed tests
            recorded = { display: run.display, context: run.context, outcomes: [], markedFailures: 0, output: [] };
            this.tests.set(run.id, recorded);
        }
        recorded.outcomes.push(run.outcome);
        recorded.markedFailures += run.markedReruns ?? 0;
        if (run.outcome === 'failed') {
            recorded.output = run.output.slice(0, LINES_PER_TEST);
            recorded.note = run.note;
        }
    }
    /** Records a package that failed outside any test (build failed, setup failed, TestMain). */
    packageFailed(name, reason, output) {
        this.packageFailures.push({ name, reason, output: output.slice(0, LINES_PER_TEST) });
    }
    /**
     * The outcome a test counts by. Any failed run fails it (fail closed: a pass after a failure
     * may be a different data-provider row, a test of the same name elsewhere, or luck), unless
     * the format marked the failures as reruns or the gate file accepts retries; then the last
     * run decides.
     */
    finalOutcome(test) {
        const last = test.outcomes.at(-1);
        if (last === 'passed' && this.retries === 'accept')
            return 'passed';
        // Stryker disable next-line StringLiteral: fields() counts every outcome but passed and skipped as failed
        return test.outcomes.includes('failed') ? 'failed' : last;
    }
    /** The probe's fields over everything recorded. */
    fields() {
        let passed = 0;
        let failed = 0;
        let skipped = 0;
        const failedTests = [];
        const flakyTests = [];
        const output = [];
        const shown = distinctDisplays([...this.tests.values()]);
        for (const [index, test] of [...this.tests.values()].entries()) {
            const display = shown[index];
            const runs = test.outcomes.length + test.markedFailures;
            const failures = test.outcomes.filter((outcome) => outcome === 'failed').length + test.markedFailures;
            const outcome = this.finalOutcome(test);
            if (outcome === 'passed') {
                passed += 1;
                if (failures > 0)
                    flakyTests.push(`${display} (passed on last of ${runs} runs, failed ${failures})`);
            }
            else if (outcome === 'skipped') {
                skipped += 1;
            }
            else {
                failed += 1;
                const retried = test.outcomes.at(-1) === 'passed' ? '; the last passed' : '';
                const notes = [runs > 1 ? `failed ${failures} of ${runs} runs${retried}` : '', test.note ?? ''];
                const note = notes.filter(Boolean).join('; ');
                failedTests.push(note === '' ? display : `${display} (${note})`);
                output.push(`${display}:`, ...test.output.map((line) => `  ${line}`));
            }
        }
        const missingTests = this.matcher.patterns
            .filter((_, index) => !this.matchedEntries.has(index))
            .map((pattern) => pattern.raw);
        // A package that did not build hides its tests: when tests are missing, that is the likely why.
        if (missingTests.length > 0) {
            for (const failure of this.packageFailures) {
                output.push(`${failure.name} [${failure.reason}]:`, ...failure.output.map((line) => `  ${line}`));
            }
        }
        return {
            passed,
            failed,
            skipped,
            missing: missingTests.length,
            total: this.tests.size + missingTests.length,
            failed_tests: failedTests,
            missing_tests: missingTests,
            flaky_tests: flakyTests,
            failed_packages: this.packageFailures.map((failure) => `${failure.name} [${failure.reason}]`),
            output: capOutput(output),
        };
    }
}
/**
 * The display names, each made unique where two tests would read alike (the same name in two
 * files, suites or packages) by adding the parts of their context that tell them apart.
 */
function distinctDisplays(tests) {
    const byDisplay = new Map();
    for (const test of tests)
        byDisplay.set(test.display, [...(byDisplay.get(test.display) ?? []), test]);
    return tests.map((test) => {
        const alike = byDisplay.get(test.display);
        // Stryker disable next-line ConditionalExpression: a display of its own has no other context to differ from, so none is added
        if (alike.length === 1)
            return test.display;
        const telling = test.context.filter((part, index) => part !== '' && alike.some((other) => other.context[index] !== part));
        return telling.length === 0 ? test.display : `${test.display} [${telling.join(', ')}]`;
    });
}
function capOutput(lines) {
    const kept = lines
        .slice(0, OUTPUT_LINES)
        .map((line) => (line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)}…` : line));
    if (lines.length > OUTPUT_LINES)
        kept.push(`… ${lines.length - OUTPUT_LINES} more lines`);
    return kept.join('\n');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/probes/tests/detect.ts


const SNIFF_BYTES = 64 * 1024;
/**
 * Tells the format from the content, not the name: `<` first means XML; a line starting with `{`
 * means go test -json (go before 1.24 may print plain `FAIL pkg [build failed]` lines first).
 */
async function detectFormat(file, shown) {
    let text;
    let size;
    const handle = await (0,promises_.open)(file, 'r').catch((error) => {
        throw new probe/* ProbeError */.B2(`${shown}: cannot open the report (${error.code ?? error.message})`);
    });
    try {
        size = (await handle.stat()).size;
        const buffer = Buffer.alloc(Math.min(size, SNIFF_BYTES));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        text = buffer
            .subarray(0, bytesRead)
            .toString('utf8')
            .replace(/^\uFEFF/, '');
    }
    finally {
        await handle.close();
    }
    const start = text.trimStart();
    if (start === '') {
        if (size <= SNIFF_BYTES)
            throw new probe/* ProbeError */.B2(`${shown}: the report is empty; did the test step write it?`);
        throw new probe/* ProbeError */.B2(`${shown}: the first 64 KiB are blank; not a go test -json or JUnit XML report`);
    }
    if (start.startsWith('<'))
        return 'junit-xml';
    if (/^\s*\{/m.test(text))
        return 'go-test-json';
    // The content is never quoted: a report can hold secrets from a test's output.
    throw new probe/* ProbeError */.B2(`${shown}: neither go test -json (lines starting with "{") nor JUnit XML (starting with "<"); point the glob at the test step's report`);
}

// EXTERNAL MODULE: ./src/shared/pattern.ts + 1 modules
var pattern = __webpack_require__(38775);
;// CONCATENATED MODULE: ./src/probes/tests/glob.ts



// `**` would otherwise walk dependency trees and VCS metadata, which never hold a test report
// a gate should read and can hold hundreds of thousands of files.
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
/** True when the pattern segment contains `*` or `?`. */
function isWildcard(segment) {
    return /[*?]/.test(segment);
}
/** Compiles one path segment (`*.json`, `report-?.xml`) into an anchored regex. */
function segmentRegex(segment) {
    let source = '';
    for (const char of segment) {
        if (char === '*')
            source += '[^/]*';
        else if (char === '?')
            source += '[^/]';
        else
            source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    // On RE2: `*a*a*a*a*a*a*b` as a backtracking RegExp takes hours on a long file name.
    return (0,pattern/* compilePattern */.Eb)(`^${source}$`);
}
async function list(directory) {
    try {
        const entries = await (0,promises_.readdir)(directory, { withFileTypes: true });
        return await Promise.all(entries.map(async (entry) => {
            if (!entry.isSymbolicLink())
                return {
                    name: entry.name,
                    isDirectory: entry.isDirectory(),
                    isFile: entry.isFile(),
                    isLink: false,
                };
            const target = await (0,promises_.stat)(external_node_path_default().join(directory, entry.name)).catch(() => undefined);
            return {
                name: entry.name,
                isDirectory: target?.isDirectory() ?? false,
                isFile: target?.isFile() ?? false,
                isLink: true,
            };
        }));
    }
    catch {
        // A directory that does not exist (or cannot be read) simply matches nothing.
        return [];
    }
}
async function walk(directory, segments, found) {
    if (segments.length === 0)
        return;
    const [segment, ...rest] = segments;
    if (segment === '**') {
        // A trailing `**` means every file below, as `**/*` does.
        if (rest.length === 0)
            return walk(directory, ['**', '*'], found);
        // `**` matches zero directories…
        await walk(directory, rest, found);
        // …or one more, keeping `**` for the next level. Dot directories are skipped like `*` does;
        // linked directories too, so that a link to a parent cannot make the walk endless.
        for (const entry of await list(directory)) {
            if (!entry.isDirectory || entry.isLink)
                continue;
            if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name))
                continue;
            await walk(external_node_path_default().join(directory, entry.name), segments, found);
        }
        return;
    }
    const last = rest.length === 0;
    if (!isWildcard(segment)) {
        const target = external_node_path_default().join(directory, segment);
        if (last) {
            const entries = await list(directory);
            if (entries.some((entry) => entry.name === segment && entry.isFile))
                found.add(target);
        }
        else {
            await walk(target, rest, found);
        }
        return;
    }
    const regex = segmentRegex(segment);
    for (const entry of await list(directory)) {
        // As in a shell, a wildcard does not match a leading dot unless the pattern starts with one.
        if (entry.name.startsWith('.') && !segment.startsWith('.'))
            continue;
        if (!regex.test(entry.name))
            continue;
        if (last && entry.isFile)
            found.add(external_node_path_default().join(directory, entry.name));
        if (!last && entry.isDirectory)
            await walk(external_node_path_default().join(directory, entry.name), rest, found);
    }
}
/**
 * Expands a glob with `*`, `?` and `**` against the file system; relative globs resolve against
 * `base`. Returns absolute paths of regular files, sorted so that repeated runs of the same test
 * in several files are read in a stable order.
 */
async function expandGlob(pattern, base) {
    const absolute = external_node_path_default().resolve(base, pattern);
    const { root } = external_node_path_default().parse(absolute);
    const segments = absolute
        .slice(root.length)
        .split((external_node_path_default()).sep)
        .filter((segment) => segment !== '');
    const found = new Set();
    await walk(root, segments, found);
    return [...found].sort();
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/probes/tests/lines.ts


const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/**
 * Calls `onLine` for every line of a file, reading it as a stream of bytes so that a report of
 * hundreds of megabytes never becomes one string. Lines are split on the newline byte (which
 * never occurs inside a UTF-8 sequence) and decoded one by one: several times faster than a
 * decoding stream plus readline. Line numbers start at 1.
 */
async function forEachLine(file, shown, signal, onLine) {
    const stopped = () => new probe/* ProbeError */.B2(`${shown}: stopped reading at line ${lineNumber}: the check timed out`);
    // The signal also ends a read that waits on the disk, not only the next chunk.
    const stream = (0,external_node_fs_.createReadStream)(file, { highWaterMark: 256 * 1024, signal });
    let rest;
    let lineNumber = 0;
    const emit = (buffer, start, end) => {
        lineNumber += 1;
        const stop = end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
        onLine(buffer.toString('utf8', start, stop), lineNumber);
    };
    try {
        for await (const chunk of stream) {
            if (signal.aborted)
                throw stopped();
            const buffer = rest === undefined ? chunk : Buffer.concat([rest, chunk]);
            let start = 0;
            let end = buffer.indexOf(NEWLINE, start);
            while (end !== -1) {
                emit(buffer, start, end);
                start = end + 1;
                end = buffer.indexOf(NEWLINE, start);
            }
            rest = start < buffer.length ? buffer.subarray(start) : undefined;
        }
        if (signal.aborted)
            throw stopped();
        if (rest !== undefined)
            emit(rest, 0, rest.length);
    }
    catch (error) {
        if (signal.aborted && !(error instanceof probe/* ProbeError */.B2))
            throw stopped();
        throw error;
    }
    finally {
        stream.destroy();
    }
}

;// CONCATENATED MODULE: ./src/probes/tests/go-json.ts



// go prints these for a package whose test binary could not be built or set up; before go 1.24
// they are plain text lines between the JSON events, since then JSON `output` events.
// Stryker disable next-line Regex: go writes this line as `FAIL\t<pkg> [build failed]` from the start of a line, one tab and one space
const PACKAGE_NOT_RUN = /^(?:FAIL|ok)\s+(\S+)\s+\[(build failed|setup failed)\]/;
const BUILD_HEADER = /^# (\S+)/;
const BUILD_LINES = 20;
/** `example.com/pkg [example.com/pkg.test]` -> `example.com/pkg`. */
function importPathOf(value) {
    return value.split(' ')[0];
}
function pushLines(target, text, limit) {
    for (const line of text.replace(/\n$/, '').split('\n')) {
        // Stryker disable next-line EqualityOperator,ConditionalExpression: the collector keeps at most LINES_PER_TEST lines of a test or package, fewer than this bound; it only caps memory
        if (target.length >= limit)
            return;
        if (isNoise(line))
            continue;
        target.push(line.trimEnd());
    }
}
function parseEvent(line, shown, lineNumber) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        // Neither the line nor JSON.parse's message (which quotes it) is shown: output can hold secrets.
        throw new probe/* ProbeError */.B2(`${shown}:${lineNumber}: malformed go test -json line (not valid JSON, ${line.length} characters); was the report cut off or written by two processes at once?`);
    }
    if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: every line that reaches here starts with `{`, so JSON.parse gave an object
    typeof value !== 'object' ||
        // Stryker disable next-line ConditionalExpression: as above, never null
        value === null ||
        typeof value.Action !== 'string') {
        throw new probe/* ProbeError */.B2(`${shown}:${lineNumber}: not a go test -json event (no "Action"); is this the output of go test -json?`);
    }
    return value;
}
/**
 * Reads a top-level string field without JSON.parse. test2json writes flat objects whose string
 * values escape every `"`, so `"Key":"` can only be the key itself. Undefined when the field is
 * absent; null when its value has an escape and needs a real parse.
 */
// Stryker disable next-line BlockStatement: undefined sends the line to JSON.parse, which reads the same fields
function quickField(line, marker) {
    const at = line.indexOf(marker);
    // Stryker disable next-line ConditionalExpression: undefined sends the line to JSON.parse, which reads the same fields
    if (at === -1)
        return undefined;
    const start = at + marker.length;
    const end = line.indexOf('"', start);
    if (end === -1)
        return null;
    const value = line.slice(start, end);
    // Stryker disable next-line StringLiteral: null sends the line to JSON.parse, which reads the same value
    return value.includes('\\') ? null : value;
}
// Built once: a marker built per call is a fresh string that indexOf flattens on every line.
const ACTION = '"Action":"';
const PACKAGE = '"Package":"';
const TEST = '"Test":"';
// Stryker disable next-line Regex: a line this matches less often goes to quickField, which reads the same three fields
const TEST_EVENT = /^\{"Time":"[^"]*","Action":"([^"\\]*)","Package":"([^"\\]*)","Test":"([^"\\]*)"/;
/**
 * The event of a line, fully parsed only when its content matters. Most lines of a large report
 * are `output` of tests nobody named: for those the line is only checked to be a whole JSON
 * object (a truncated write does not end in `}`) and carries an Action.
 */
function readEvent(line, shown, lineNumber, needOutput) {
    // Stryker disable next-line MethodExpression: every line that reaches here starts with `{`, so startsWith('}') is false
    if (!line.endsWith('}'))
        return parseEvent(line, shown, lineNumber);
    // A test's event as test2json writes it: one regex call instead of three field searches. The
    // values before each key hold no quote, so each key found here is the first one in the line,
    // exactly what quickField would find; any other shape takes the field-by-field path.
    const shaped = TEST_EVENT.exec(line);
    const action = shaped ? shaped[1] : quickField(line, ACTION);
    const pkg = shaped ? shaped[2] : quickField(line, PACKAGE);
    const test = shaped ? shaped[3] : quickField(line, TEST);
    if (typeof action !== 'string' || pkg === null || test === null)
        return parseEvent(line, shown, lineNumber);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: parsing more lines fully reads the same events
    if (action === 'output' && needOutput(test))
        return parseEvent(line, shown, lineNumber);
    if (action === 'build-output' || action === 'fail' || action === 'build-fail')
        return parseEvent(line, shown, lineNumber);
    return { Action: action, Package: pkg, Test: test };
}
/**
 * Test names no `names:` entry matches, remembered from their `run` event so that their output and
 * result events skip the matcher (and its regexes). Bounded: the oldest half is forgotten when it
 * fills, and a forgotten name is only matched again. Names come from `run` lines, which are short,
 * so a remembered name never holds a long line in memory.
 */
// Stryker disable all: a cache of names no entry matches (wants() depends on the name alone): a name forgotten or never kept is only matched again
class RecentNames {
    current = new Set();
    previous = new Set();
    has(name) {
        return this.current.has(name) || this.previous.has(name);
    }
    add(name) {
        if (this.current.size >= RECENT_NAMES) {
            this.previous = this.current;
            this.current = new Set();
        }
        this.current.add(name);
    }
}
const RECENT_NAMES = 32;
// Stryker restore all
/** One run of a go test; runs under `-count=N` or a rerun tool share the key. */
function goRun(key, shown, pkg, test, outcome, output, note) {
    return { id: key, display: test, context: [shown, pkg], candidates: [test], outcome, output, note };
}
/**
 * Reads a `go test -json` stream (test2json events, one per line) into the collector: subtests
 * are tests named `Parent/child`, every run of a test under `-count=N` is one run of it, and
 * packages that failed outside any test (build or setup failed, TestMain) are reported as such.
 */
async function parseGoTestJson(file, shown, collector, signal) {
    // Output is buffered only for named tests that are running, so memory does not grow with the file.
    const running = new Map();
    const packages = new Map();
    const buildOutput = new Map();
    const reported = new Set();
    let textPackage;
    let events = 0;
    // Package and test name: `TestA` of two packages, and `TestA` beside `TestA/case`, stay apart.
    // Built only for tests that are named (or not yet known not to be): most events need no key.
    const keyOf = (pkg, test) => `go\u0000${shown}\u0000${pkg}\u0000${test}`;
    const unnamed = new RecentNames();
    // A test's events mostly follow each other: the last package looked up answers without hashing.
    let lastPackage;
    const packageState = (name) => {
        // Stryker disable next-line ConditionalExpression: a cache of the last package; the map answers the same
        if (lastPackage?.name === name)
            return lastPackage.state;
        let state = packages.get(name);
        if (!state) {
            state = { failedTests: 0, openTests: 0, output: [] };
            packages.set(name, state);
        }
        // Stryker disable next-line ObjectLiteral: an empty cache entry only misses; the map answers the same
        lastPackage = { name, state };
        return state;
    };
    const packageEnded = (name) => {
        packages.delete(name);
        // Stryker disable next-line OptionalChaining: packageEnded always follows packageState, which sets lastPackage
        if (lastPackage?.name === name)
            lastPackage = undefined;
    };
    const packageFailed = (name, reason, output) => {
        if (reported.has(name))
            return;
        reported.add(name);
        collector.packageFailed(name, reason, output);
    };
    const finishRunning = (pkg, note) => {
        for (const [key, run] of running) {
            if (pkg !== undefined && run.pkg !== pkg)
                continue;
            collector.record(goRun(key, shown, run.pkg, run.test, 'failed', run.output, note));
            running.delete(key);
        }
    };
    const onText = (line) => {
        const notRun = PACKAGE_NOT_RUN.exec(line);
        if (notRun) {
            const [, pkg, reason] = notRun;
            packageFailed(pkg, reason, buildOutput.get(pkg) ?? []);
            return;
        }
        const header = BUILD_HEADER.exec(line);
        if (header) {
            textPackage = header[1];
            buildOutput.set(textPackage, [line]);
            return;
        }
        if (textPackage !== undefined)
            pushLines(buildOutput.get(textPackage), line, BUILD_LINES);
    };
    const onEvent = (event) => {
        // Stryker disable next-line AssignmentOperator: events is only compared with 0, and -n is not 0 either
        events += 1;
        const { Action: action, Package: pkg, Test: test } = event;
        // Stryker disable next-line ConditionalExpression,LogicalOperator: only build-output and build-fail events carry ImportPath, and build-fail has no Output to add
        if (action === 'build-output' && event.ImportPath) {
            const key = importPathOf(event.ImportPath);
            const lines = buildOutput.get(key) ?? [];
            buildOutput.set(key, lines);
            // Stryker disable next-line StringLiteral: test2json writes Output on every build-output and output event
            pushLines(lines, event.Output ?? '', BUILD_LINES);
            return;
        }
        if (pkg === undefined)
            return;
        if (test === undefined) {
            const state = packageState(pkg);
            if (action === 'output') {
                // Stryker disable next-line StringLiteral: test2json writes Output on every output event
                const notRun = PACKAGE_NOT_RUN.exec(event.Output ?? '');
                if (notRun)
                    state.reason = notRun[2];
                // Stryker disable next-line StringLiteral: test2json writes Output on every output event
                pushLines(state.output, event.Output ?? '', LINES_PER_TEST);
            }
            else if (action === 'fail') {
                finishRunning(pkg, 'did not finish: its package failed');
                if (event.FailedBuild)
                    state.reason = 'build failed';
                // With a test that failed or never ended, the package failed because of that test.
                // Stryker disable next-line ConditionalExpression: a package whose build or setup failed ran no test, so its counts are 0 there anyway
                if (state.reason !== undefined || (state.failedTests === 0 && state.openTests === 0)) {
                    const built = event.FailedBuild ? buildOutput.get(importPathOf(event.FailedBuild)) : undefined;
                    packageFailed(pkg, state.reason ?? 'failed outside any test', built ?? state.output);
                }
                packageEnded(pkg);
            }
            else if (
            // Stryker disable next-line ConditionalExpression: the other package actions (start) come before any test, with nothing to finish or forget
            action === 'pass' ||
                action === 'skip') {
                finishRunning(pkg, 'did not finish');
                packageEnded(pkg);
            }
            return;
        }
        switch (action) {
            case 'run':
                packageState(pkg).openTests += 1;
                // Stryker disable next-line ConditionalExpression: a shortcut for a name no entry matches; the matcher says the same
                if (unnamed.has(test))
                    return;
                // Stryker disable next-line ConditionalExpression: buffering an unnamed test's output is only memory; record() drops unnamed tests
                if (collector.wants([test]))
                    running.set(keyOf(pkg, test), { pkg, test, output: [] });
                // Stryker disable next-line CallExpression: a cache; see RecentNames
                else
                    unnamed.add(test);
                return;
            case 'output': {
                // Stryker disable next-line ConditionalExpression: a shortcut; the map has no key when it is empty
                const run = running.size === 0 ? undefined : running.get(keyOf(pkg, test));
                if (run)
                    pushLines(run.output, event.Output ?? '', LINES_PER_TEST);
                return;
            }
            case 'pass':
            case 'skip':
            case 'fail': {
                const state = packageState(pkg);
                state.openTests = Math.max(0, state.openTests - 1);
                // Stryker disable next-line AssignmentOperator: failedTests is only compared with 0, and -n is not 0 either
                if (action === 'fail')
                    state.failedTests += 1;
                // The collector keeps only named tests: one known to be unnamed needs no key and no match.
                // Stryker disable next-line ConditionalExpression: a shortcut; record() drops a test no entry matches
                if (unnamed.has(test))
                    return;
                const key = keyOf(pkg, test);
                const run = running.get(key);
                running.delete(key);
                const outcome = action === 'pass' ? 'passed' : action === 'skip' ? 'skipped' : 'failed';
                collector.record(goRun(key, shown, pkg, test, outcome, run?.output ?? []));
                return;
            }
            default:
                return;
        }
    };
    // Output is needed for package-level events and for named tests that are running.
    const needOutput = (test) => 
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: parsing more lines fully reads the same events
    test === undefined || (running.size > 0 && [...running.values()].some((run) => run.test === test));
    await forEachLine(file, shown, signal, (line, lineNumber) => {
        // Most lines are events with no space to trim: skip the trimming copies for them.
        // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression,BlockStatement: the trimming path below reads these lines the same way
        if (line.startsWith('{') && line.endsWith('}')) {
            onEvent(readEvent(line, shown, lineNumber, needOutput));
            return;
        }
        const first = line.trimStart();
        // Stryker disable next-line ConditionalExpression,StringLiteral: a blank line is noise to onText as well
        if (first === '')
            return;
        // A `{` line must be an event: a truncated or corrupted write is an error, never skipped.
        // Stryker disable next-line MethodExpression: JSON.parse ignores the trailing blanks trimEnd removes
        if (first.startsWith('{'))
            onEvent(readEvent(first.trimEnd(), shown, lineNumber, needOutput));
        else
            onText(line);
    });
    if (events === 0 && reported.size === 0) {
        throw new probe/* ProbeError */.B2(`${shown}: no go test -json events in the file; write it with \`go test -json ./... > ${shown}\``);
    }
    finishRunning(undefined, 'did not finish: the report ends before its result');
}

// EXTERNAL MODULE: ./node_modules/saxes/saxes.js
var saxes = __webpack_require__(59800);
;// CONCATENATED MODULE: ./src/probes/tests/junit.ts




const FAILURE_TEXT_CHARS = 4096;
/** The names a JUnit test case can be referred to by in `names:`. */
function candidatesOf(testCase) {
    return testCase.classname === ''
        ? [testCase.name]
        : [testCase.name, `${testCase.classname}.${testCase.name}`];
}
function displayOf(testCase) {
    const { name, classname } = testCase;
    return classname === '' || classname === name || name.startsWith(`${classname}.`)
        ? name
        : `${classname}.${name}`;
}
/**
 * The parser's reason without what it quotes from the file (names, namespace values) and
 * without its own position prefix: the caller adds file and line.
 */
function xmlReason(message) {
    return (message
        .replace(/^(?:[^:]*:)?\d+:\d+: /, '')
        // Stryker disable next-line Regex: with the s flag `.*` runs to the end anyway
        .replace(/:.*$/s, '')
        .replace(/ (set|bound) to .*$/s, ' $1 to that value')
        .replace(/\.$/, ''));
}
/**
 * Identity of a case: every `<testcase>` is its own test unless report file, suite path, file,
 * class and name are all the same (jest-junit writes `classname=""` for top-level tests, so name
 * alone would merge tests of two files; TestNG repeats name and class per data-provider row).
 */
function idOf(testCase, shown) {
    return [
        // Stryker disable next-line StringLiteral: a go key has 4 parts and a JUnit id at least 6, so the two cannot meet without it
        'junit',
        shown,
        ...testCase.suites,
        // Stryker disable next-line StringLiteral: ids with different numbers of suites have different numbers of parts, and XML text holds no NUL
        '\u0001',
        testCase.file,
        testCase.classname,
        testCase.name,
    ].join('\u0000');
}
function contextOf(testCase, shown) {
    return [
        shown,
        testCase.suites.length > 0 ? `suite ${testCase.suites.join(' > ')}` : '',
        testCase.file === '' ? '' : `file ${testCase.file}`,
        testCase.classname === '' ? '' : `class ${testCase.classname}`,
    ];
}
/**
 * Reads a JUnit XML report (Surefire, Gradle, go-junit-report, jest-junit, pytest, vitest,
 * PHPUnit) as a SAX stream: `testsuites` or `testsuite` root, suites nested at any depth,
 * `testcase` with `failure`, `error` or `skipped`, and Surefire's `rerunFailure`/`rerunError`/
 * `flakyFailure`/`flakyError`. Each case is recorded as one run under its identity (see `idOf`);
 * the collector decides what repeated runs count as. A DOCTYPE is refused before any entity
 * could be expanded.
 */
async function parseJunit(file, shown, collector, signal) {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: saxes counts lines whatever `position` says (the malformed-XML tests assert the line)
    const parser = new saxes/* SaxesParser */.wT({ position: true });
    let root;
    let current;
    const suites = [];
    // Text of the failure/error element being read, kept to its first few KiB, and its message.
    let failureText;
    // Stryker disable next-line StringLiteral: set by every <failure>/<error> before it is read
    let failureMessage = '';
    const where = () => `${shown}:${parser.line}`;
    parser.on('doctype', () => {
        throw new probe/* ProbeError */.B2(`${where()}: the report has a DOCTYPE; test reports never need one and entity declarations are refused (possible entity expansion attack)`);
    });
    parser.on('error', (error) => {
        throw new probe/* ProbeError */.B2(`${where()}: malformed XML: ${xmlReason(error.message)}`);
    });
    parser.on('opentag', (tag) => {
        const attribute = (key) => {
            const value = tag.attributes[key];
            return typeof value === 'string' ? value : '';
        };
        if (root === undefined) {
            root = tag.name;
            if (root !== 'testsuites' && root !== 'testsuite') {
                // A tag name is markup, not content; an odd one is not repeated.
                const named = /^[\w.:-]{1,40}$/.test(root) ? `<${root}>` : 'another element';
                throw new probe/* ProbeError */.B2(`${shown}: not a JUnit report: the root element is ${named}, not <testsuites> or <testsuite>`);
            }
            if (root === 'testsuite')
                suites.push(attribute('name'));
            return;
        }
        if (tag.name === 'testsuite') {
            suites.push(attribute('name'));
            return;
        }
        if (tag.name === 'testcase') {
            current = {
                name: attribute('name'),
                // PHPUnit writes the class with backslashes in `class` and dotted in `classname`.
                classname: attribute('classname') || attribute('class'),
                file: attribute('file'),
                suites: [...suites],
                outcome: 'passed',
                rerunFailures: 0,
                flakyFailures: 0,
                output: [],
            };
            return;
        }
        if (!current)
            return;
        switch (tag.name) {
            case 'failure':
            case 'error': {
                current.outcome = 'failed';
                failureMessage = attribute('message');
                failureText = '';
                return;
            }
            case 'skipped':
                if (current.outcome !== 'failed')
                    current.outcome = 'skipped';
                return;
            case 'rerunFailure':
            case 'rerunError':
                current.rerunFailures += 1;
                return;
            case 'flakyFailure':
            case 'flakyError':
                current.flakyFailures += 1;
                return;
            default:
                return;
        }
    });
    const onText = (text) => {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the text is cut to FAILURE_TEXT_CHARS where it is read, and text outside a failure is reset by the next <failure>; this only bounds memory
        if (failureText !== undefined && failureText.length < FAILURE_TEXT_CHARS)
            failureText += text;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
        if (tag.name === 'testsuite' && !current) {
            suites.pop();
            return;
        }
        // Stryker disable next-line ConditionalExpression: without a case open, only a </testsuite> (handled above) or a tag the next lines ignore can close
        if (!current)
            return;
        if ((tag.name === 'failure' || tag.name === 'error') && failureText !== undefined) {
            // Most reporters repeat the message as the first line of the text; show it once.
            const text = failureText.includes(failureMessage) ? failureText : `${failureMessage}\n${failureText}`;
            for (const line of text.slice(0, FAILURE_TEXT_CHARS).split('\n')) {
                // Stryker disable next-line ConditionalExpression,EqualityOperator: the collector keeps the first LINES_PER_TEST lines anyway; this only bounds memory
                if (isNoise(line) || current.output.length >= LINES_PER_TEST)
                    continue;
                if (current.output.includes(line.trimEnd()))
                    continue;
                current.output.push(line.trimEnd());
            }
            failureText = undefined;
            return;
        }
        if (tag.name !== 'testcase')
            return;
        const testCase = current;
        current = undefined;
        const candidates = candidatesOf(testCase);
        // Stryker disable next-line ConditionalExpression: record() drops a case no entry matches just the same
        if (!collector.wants(candidates))
            return;
        collector.record({
            id: idOf(testCase, shown),
            display: displayOf(testCase),
            context: contextOf(testCase, shown),
            candidates,
            outcome: testCase.outcome,
            output: testCase.output,
            // Surefire marks reruns explicitly: `rerun*` under a case that still failed, `flaky*` under one that passed.
            markedReruns: testCase.outcome === 'failed' ? testCase.rerunFailures : testCase.flakyFailures,
        });
    });
    const stopped = () => new probe/* ProbeError */.B2(`${where()}: stopped reading: the check timed out`);
    // The signal also ends a read that waits on the disk, not only the next chunk.
    const stream = (0,external_node_fs_.createReadStream)(file, { encoding: 'utf8', highWaterMark: 256 * 1024, signal });
    try {
        for await (const chunk of stream) {
            if (signal.aborted)
                throw stopped();
            parser.write(chunk);
        }
        if (signal.aborted)
            throw stopped();
        parser.close();
    }
    catch (error) {
        if (signal.aborted && !(error instanceof probe/* ProbeError */.B2))
            throw stopped();
        throw error;
    }
    finally {
        stream.destroy();
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: saxes refuses a document without a root element on close(), before this line
    if (root === undefined)
        throw new probe/* ProbeError */.B2(`${shown}: no XML element in the file; is it a JUnit report?`);
}

// EXTERNAL MODULE: ./src/probes/tests/names.ts
var names = __webpack_require__(53161);
// EXTERNAL MODULE: ./src/probes/tests/schema.ts
var schema = __webpack_require__(24282);
// EXTERNAL MODULE: ./src/probes/tests/workspace.ts
var tests_workspace = __webpack_require__(97116);
;// CONCATENATED MODULE: ./src/probes/tests/session.ts










/** A path as the user wrote it: relative to the workspace when it is inside. */
function shownPath(file, workspace) {
    const relative = external_node_path_default().relative(workspace, file);
    return relative.startsWith('..') || external_node_path_default().isAbsolute(relative) ? file : relative;
}
/** Finds the reports, parses each by its detected format and counts the named tests. */
async function readTestReports(spec, workspace, signal, debug = () => { }) {
    const files = [];
    for (const glob of (0,schema/* reportGlobs */.i)(spec)) {
        (0,tests_workspace/* assertGlobInside */.l6)(glob, workspace);
        const matches = await expandGlob(glob, workspace);
        if (matches.length === 0) {
            throw new probe/* ProbeError */.B2(`tests: no file matches report '${glob}' in ${workspace}; check the path and that the test step wrote its report before the gate runs`);
        }
        for (const match of matches)
            if (!files.includes(match))
                files.push(match);
    }
    const collector = new ResultCollector(new names/* NameMatcher */.GQ((0,names/* parseNamePatterns */.i6)(spec.names)), spec.retries ?? 'fail');
    for (const file of files) {
        const shown = shownPath(file, workspace);
        await (0,tests_workspace/* assertFileInside */.n$)(file, shown, workspace);
        const format = await detectFormat(file, shown);
        debug(`tests: reading ${shown} as ${format}`);
        if (format === 'go-test-json')
            await parseGoTestJson(file, shown, collector, signal);
        else
            await parseJunit(file, shown, collector, signal);
    }
    return collector.fields();
}
/** Opens the tests probe's session; it holds nothing between checks. */
function openTestsSession(environment) {
    return {
        run: (call) => readTestReports(call.spec, environment.workspace, call.signal, (message) => environment.debug(message)),
        close: async () => { },
    };
}


/***/ })

};
