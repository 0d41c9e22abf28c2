export const id = 908;
export const ids = [908];
export const modules = {

/***/ 73908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPrometheusSession: () => (/* binding */ openPrometheusSession)
});

// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(86489);
// EXTERNAL MODULE: ./src/probes/http/secrets.ts
var secrets = __webpack_require__(20993);
;// CONCATENATED MODULE: ./src/probes/prometheus/aggregate.ts

/** How many label sets an error message names. */
const NAMED_SERIES = 3;
/**
 * Folds series into `series`, `samples`, `min`, `max`, `sum` (compensated, so 1.2 million small
 * rates add up without drift) and the one series' last sample, keeping the first label sets for
 * messages. Holds no samples: memory is the same for 1 series or 100,000.
 */
class SeriesAggregate {
    kind;
    series = 0;
    samples = 0;
    min = Number.POSITIVE_INFINITY;
    max = Number.NEGATIVE_INFINITY;
    total = 0;
    compensation = 0;
    /** The latest sample of the last series read (the only one when series == 1). */
    last;
    /** `name{label="value", …}` of the first series, for messages. */
    labelSets = [];
    /** The totals of the series being read in place (see {@link SampleFold}). */
    pending = { samples: 0, min: 0, max: 0, total: 0, compensation: 0, last: 0 };
    constructor(kind) {
        this.kind = kind;
    }
    get sum() {
        return this.total + this.compensation;
    }
    begin() {
        const pending = this.pending;
        pending.samples = this.samples;
        pending.min = this.min;
        pending.max = this.max;
        pending.total = this.total;
        pending.compensation = this.compensation;
        pending.last = this.last ?? Number.NaN;
    }
    add(value) {
        const pending = this.pending;
        pending.samples++;
        if (value < pending.min)
            pending.min = value;
        if (value > pending.max)
            pending.max = value;
        // Neumaier summation: the error of each addition is carried instead of lost.
        const total = pending.total;
        const next = total + value;
        pending.compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
        pending.total = next;
        pending.last = value;
    }
    commit(metric) {
        this.commitPending(this.labelSets.length < NAMED_SERIES ? labelSet(metric()) : undefined);
    }
    /** One item of `data.result` of a vector or matrix answer, as JSON.parse made it. */
    addParsed(item) {
        if (!isRecord(item) || !isRecord(item.metric))
            throw shape('a series without "metric"');
        const labels = labelSet(item.metric);
        if (item.histogram !== undefined || item.histograms !== undefined) {
            throw new probe/* ProbeError */.B2(`prometheus: ${labels} is a native histogram, which has no single value; ask for a number, e.g. histogram_quantile(0.99, …) or histogram_count(…)`);
        }
        this.begin();
        if (Array.isArray(item.value))
            this.add(sampleOf(item.value, labels));
        else if (!Array.isArray(item.values))
            throw shape('a series with neither "value" nor "values"');
        else
            for (const sample of item.values)
                this.add(sampleOf(sample, labels));
        this.commitPending(labels);
    }
    /** A scalar answer (`scalar(…)`, `time()`, a number): one sample, no labels. */
    addScalar(sample) {
        this.begin();
        this.add(sampleOf(sample, 'the scalar'));
        this.commitPending('scalar');
    }
    commitPending(labels) {
        const pending = this.pending;
        this.series++;
        if (labels !== undefined && this.labelSets.length < NAMED_SERIES)
            this.labelSets.push(labels);
        this.samples = pending.samples;
        this.min = pending.min;
        this.max = pending.max;
        this.total = pending.total;
        this.compensation = pending.compensation;
        if (!Number.isNaN(pending.last))
            this.last = pending.last;
    }
}
/** `[time, "value"]` as a number; the shape is checked and NaN/±Inf are errors. */
function sampleOf(sample, labels) {
    if (!Array.isArray(sample) || sample.length !== 2 || typeof sample[1] !== 'string') {
        throw shape('a sample that is not [time, "value"]');
    }
    return sampleValue(sample[1], labels, sample[0]);
}
/** A sample's value text as a number; NaN and ±Inf are errors that say where they come from. */
function sampleValue(text, labels, time) {
    const value = Number(text);
    // The common case first and cheap: 1.2 million samples pass here for a large range answer.
    if (Number.isFinite(value) && text !== '')
        return value;
    const at = typeof time === 'number' ? ` at ${new Date(time * 1000).toISOString()}` : '';
    if (text === 'NaN') {
        throw new probe/* ProbeError */.B2(`prometheus: ${labels} is NaN${at}, which no threshold can judge; NaN is usually 0/0 (a ratio of rates with no traffic in the window). If no traffic should count as 0, write (…) >= 0 or vector(0); otherwise make sure traffic reaches the service before the gate runs`);
    }
    if (text === '+Inf' || text === '-Inf' || text === 'Inf') {
        throw new probe/* ProbeError */.B2(`prometheus: ${labels} is ${text}${at}, which no threshold can judge; it is usually a division by zero (a denominator of 0 under a non-zero numerator): guard the denominator, e.g. … / (… > 0)`);
    }
    throw shape(`a sample value '${text.slice(0, 40)}' that is not a number`);
}
/** `http_requests_total{code="500", job="web"}`, or `{} (no labels)` for a series without any. */
function labelSet(metric) {
    const name = typeof metric.__name__ === 'string' ? metric.__name__ : '';
    const pairs = Object.entries(metric)
        .filter(([key]) => key !== '__name__')
        .map(([key, value]) => `${key}=${JSON.stringify(String(value))}`);
    if (name === '' && pairs.length === 0)
        return '{} (no labels)';
    return `${name}{${pairs.join(', ')}}`;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function shape(detail) {
    return new probe/* ProbeError */.B2(`prometheus: the answer is not a valid Prometheus API response (${detail}); is sources.prometheus.url the API's base URL?`);
}

;// CONCATENATED MODULE: ./src/probes/prometheus/json-bytes.ts
// Bytes of JSON as the answer readers meet them, and the exact-number helpers they share.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
/** 10^0 … 10^22: every one is an exact double, so m / 10^k rounds once, as Number(text) does. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => Number(`1e${power}`));
/** Up to 15 digits the integer made of them is exact (10^15 < 2^53): the fast path's bound. */
const EXACT_DIGITS = 15;
function isDigit(byte) {
    return byte >= ZERO && byte <= NINE;
}
/** The bytes from `start` spell `word` (ASCII). */
function matches(bytes, start, word) {
    for (let index = 0; index < word.length; index++)
        if (bytes[start + index] !== word.charCodeAt(index))
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/probes/prometheus/common-pair.ts

/** Bytes beyond which a value's text is decoded alone rather than the whole bytes once. */
const LARGE_BYTES = 1024 * 1024;
/**
 * The pair as Prometheus writes it, `[1700000000.123,"0.25"]`, read at `start` in one tight loop
 * over locals: returns the index past its `]` with the value folded in, or -1 with nothing folded
 * for any other spelling (spaces, exponents in the time, a chunk that ends inside, a value that is
 * not a finite number), which the careful reader then takes on.
 *
 * A value of at most 15 digits is parsed here (Clinger's fast path: the digits as an exact integer
 * divided by an exact power of ten is the correctly rounded double, the one Number() gives); a
 * longer one (rates often have 16–17 digits) or one with an exponent goes through Number().
 */
function readCommonPair(bytes, start, numbers, fold) {
    let position = start;
    if (bytes[position] !== OPEN_BRACKET)
        return -1;
    let byte = bytes[++position];
    // The time: [1-9][0-9]*(\.[0-9]+)?
    if (byte === undefined || byte <= ZERO || byte > NINE)
        return -1;
    do
        byte = bytes[++position];
    while (byte !== undefined && byte >= ZERO && byte <= NINE);
    if (byte === DOT) {
        byte = bytes[++position];
        if (byte === undefined || byte < ZERO || byte > NINE)
            return -1;
        do
            byte = bytes[++position];
        while (byte !== undefined && byte >= ZERO && byte <= NINE);
    }
    if (byte !== COMMA || bytes[position + 1] !== QUOTE)
        return -1;
    position += 2;
    const valueStart = position;
    // The value: -?[0-9]*\.?[0-9]*
    let negative = false;
    if (bytes[position] === MINUS) {
        negative = true;
        position++;
    }
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    for (;;) {
        byte = bytes[position];
        if (byte === undefined)
            return -1;
        if (byte >= ZERO && byte <= NINE) {
            mantissa = mantissa * 10 + (byte - ZERO);
            digits++;
            if (decimals >= 0)
                decimals++;
        }
        else if (byte === DOT && decimals < 0)
            decimals = 0;
        else
            break;
        position++;
    }
    let value;
    if (byte === QUOTE && digits > 0 && digits <= EXACT_DIGITS) {
        const magnitude = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
        value = negative ? -magnitude : magnitude;
    }
    else {
        while (byte !== QUOTE) {
            if (byte === undefined || byte === BACKSLASH || byte < 0x20 || byte >= 0x80)
                return -1;
            byte = bytes[++position];
        }
        value = numbers.of(bytes, valueStart, position);
        if (Number.isNaN(value))
            return -1;
    }
    if (bytes[position + 1] !== CLOSE_BRACKET)
        return -1;
    fold.add(value);
    return position + 2;
}
/**
 * Number() of ASCII text inside bytes, without a string per value: the bytes are decoded once as
 * Latin-1 and each value is a slice of that text — unless they are large enough that a copy of
 * them would matter, then each value is decoded alone.
 */
class AsciiNumbers {
    text = '';
    textOf;
    /** The finite number the text from `start` to `end` spells, or NaN (also for an empty text). */
    of(bytes, start, end) {
        if (end === start)
            return Number.NaN;
        let text;
        if (bytes.length > LARGE_BYTES)
            text = bytes.toString('latin1', start, end);
        else {
            if (this.textOf !== bytes) {
                this.text = bytes.toString('latin1');
                this.textOf = bytes;
            }
            text = this.text.slice(start, end);
        }
        const value = Number(text);
        return Number.isFinite(value) ? value : Number.NaN;
    }
}

;// CONCATENATED MODULE: ./src/probes/prometheus/series-reader.ts


/** {@link SeriesReader.read} ran into the end of the bytes before the series closed. */
const NEEDS_MORE = -1;
/** The series is not in the plain shape the reader knows: JSON.parse must judge it instead. */
const UNSUPPORTED = -2;
/**
 * Thrown inside the reader only; {@link SeriesReader.read} turns them into its return codes. Made
 * once: throwing them costs no stack capture.
 */
class StopReading extends Error {
}
const OUT_OF_BYTES = new StopReading('out of bytes');
const NOT_PLAIN = new StopReading('not plain');
/**
 * Reads one series of a vector or matrix answer — `{"metric":{…},"values":[[t,"v"],…]}` — straight
 * from the bytes, folding every value into a {@link SampleFold} without making a string, an array or
 * a number object per sample. Values of up to 15 digits are parsed in place (Clinger's fast path:
 * the digits as an exact integer divided by an exact power of ten is the correctly rounded double,
 * the same one Number() gives); any other value text goes through Number().
 *
 * The reader accepts only a strict subset of JSON whose meaning it is sure of: keys `metric`,
 * `values` and `value` without escapes, each once; `[number, "value"]` pairs; finite values. On
 * anything else — NaN, ±Inf, a native histogram, another key, a malformed byte — it answers
 * {@link UNSUPPORTED} and folds nothing, so the caller parses the series with JSON.parse and the
 * general path gives its exact message. Nothing reaches the fold before the closing `}` is read.
 */
class SeriesReader {
    fold;
    bytes = Buffer.alloc(0);
    position = 0;
    numbers = new AsciiNumbers();
    /** Where the last label set lies, or the object JSON.parse made of it when it is not flat. */
    metricStart = 0;
    metricEnd = 0;
    metricParsed;
    constructor(fold) {
        this.fold = fold;
    }
    /**
     * Reads the series whose `{` is at `from`. Returns the index just past its `}` (the series is
     * folded in), {@link NEEDS_MORE} or {@link UNSUPPORTED} (nothing folded in).
     */
    read(bytes, from) {
        this.bytes = bytes;
        this.position = from;
        this.fold.begin();
        try {
            this.readSeries();
        }
        catch (error) {
            if (error === OUT_OF_BYTES)
                return NEEDS_MORE;
            if (error === NOT_PLAIN)
                return UNSUPPORTED;
            throw error;
        }
        return this.position;
    }
    readSeries() {
        this.expect(OPEN_BRACE);
        let metric = false;
        let samples = false;
        for (;;) {
            this.skipSpace();
            const key = this.readKey();
            this.skipSpace();
            this.expect(COLON);
            this.skipSpace();
            if (key === 'metric' && !metric) {
                metric = true;
                this.readMetric();
            }
            else if (key === 'values' && !samples) {
                samples = true;
                this.readPairs();
            }
            else if (key === 'value' && !samples) {
                samples = true;
                this.readPair();
            }
            else
                throw NOT_PLAIN;
            this.skipSpace();
            const next = this.next();
            if (next === CLOSE_BRACE)
                break;
            if (next !== COMMA)
                throw NOT_PLAIN;
        }
        if (!metric || !samples)
            throw NOT_PLAIN;
        this.fold.commit(this.metricObject);
    }
    /** `metric`, `values` or `value`; anything else (or an escape) is not plain. */
    readKey() {
        this.expect(QUOTE);
        const start = this.position;
        const bytes = this.bytes;
        for (;;) {
            const byte = this.next();
            if (byte === QUOTE)
                break;
            if (byte === BACKSLASH)
                throw NOT_PLAIN;
        }
        const length = this.position - 1 - start;
        if (bytes[start] === 0x6d && length === 6 && matches(bytes, start, 'metric'))
            return 'metric';
        if (bytes[start] === 0x76 && length === 6 && matches(bytes, start, 'values'))
            return 'values';
        if (bytes[start] === 0x76 && length === 5 && matches(bytes, start, 'value'))
            return 'value';
        throw NOT_PLAIN;
    }
    /**
     * The label set. A flat map of plain strings (no escapes) is only checked here — the aggregate
     * asks for the object just for the first few series it names; any other label set is parsed now
     * by JSON.parse, which judges escapes and odd values exactly.
     */
    readMetric() {
        const start = this.position;
        this.metricStart = start;
        this.metricParsed = undefined;
        if (this.readFlatMetric()) {
            this.metricEnd = this.position;
            return;
        }
        this.position = start;
        this.expect(OPEN_BRACE);
        let depth = 1;
        let inString = false;
        while (depth > 0) {
            const byte = this.next();
            if (inString) {
                if (byte === BACKSLASH)
                    this.next();
                else if (byte === QUOTE)
                    inString = false;
            }
            else if (byte === QUOTE)
                inString = true;
            else if (byte === OPEN_BRACE || byte === OPEN_BRACKET)
                depth++;
            else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET)
                depth--;
        }
        let metric;
        try {
            metric = JSON.parse(this.bytes.toString('utf8', start, this.position));
        }
        catch {
            throw NOT_PLAIN;
        }
        if (typeof metric !== 'object' || metric === null || Array.isArray(metric))
            throw NOT_PLAIN;
        this.metricParsed = metric;
    }
    /** `{"name":"value",…}` with strings free of escapes and control characters: true when it is. */
    readFlatMetric() {
        this.expect(OPEN_BRACE);
        this.skipSpace();
        if (this.peek() === CLOSE_BRACE) {
            this.position++;
            return true;
        }
        for (;;) {
            if (!this.skipPlainString())
                return false;
            this.skipSpace();
            if (this.next() !== COLON)
                return false;
            this.skipSpace();
            if (!this.skipPlainString())
                return false;
            this.skipSpace();
            const next = this.next();
            if (next === CLOSE_BRACE)
                return true;
            if (next !== COMMA)
                return false;
            this.skipSpace();
        }
    }
    skipPlainString() {
        if (this.next() !== QUOTE)
            return false;
        for (;;) {
            const byte = this.next();
            if (byte === QUOTE)
                return true;
            if (byte === BACKSLASH || byte < 0x20)
                return false;
        }
    }
    /** The last label set read, as an object (parsed on demand for a flat one). */
    metricObject = () => this.metricParsed ??
        JSON.parse(this.bytes.toString('utf8', this.metricStart, this.metricEnd));
    readPairs() {
        this.expect(OPEN_BRACKET);
        this.skipSpace();
        if (this.peek() === CLOSE_BRACKET) {
            this.position++;
            return;
        }
        for (;;) {
            const end = readCommonPair(this.bytes, this.position, this.numbers, this.fold);
            if (end >= 0)
                this.position = end;
            else
                this.readPair();
            this.skipSpace();
            const next = this.next();
            if (next === CLOSE_BRACKET)
                return;
            if (next !== COMMA)
                throw NOT_PLAIN;
            this.skipSpace();
        }
    }
    /** `[time, "value"]`: the time must be a JSON number; the value is folded in. */
    readPair() {
        this.expect(OPEN_BRACKET);
        this.skipSpace();
        this.skipNumber();
        this.skipSpace();
        this.expect(COMMA);
        this.skipSpace();
        this.expect(QUOTE);
        this.fold.add(this.readValueText(this.position));
        this.skipSpace();
        this.expect(CLOSE_BRACKET);
    }
    /** The value text after its opening quote, up to and past its closing quote: plain ASCII only, read by Number(). */
    readValueText(start) {
        this.position = start;
        for (;;) {
            const byte = this.next();
            if (byte === QUOTE)
                break;
            // Escapes, control characters and non-ASCII are JSON.parse's to judge.
            if (byte === BACKSLASH || byte < 0x20 || byte >= 0x80)
                throw NOT_PLAIN;
        }
        const value = this.numbers.of(this.bytes, start, this.position - 1);
        // NaN, ±Inf, '' and words go the general way, which names the series and the time.
        if (Number.isNaN(value))
            throw NOT_PLAIN;
        return value;
    }
    /** A JSON number (RFC 8259 grammar), not kept: the time is only needed in error messages. */
    skipNumber() {
        if (this.peek() === MINUS)
            this.position++;
        const first = this.next();
        if (first === ZERO) {
            // A leading 0 stands alone.
        }
        else if (first > ZERO && first <= NINE)
            this.skipDigits();
        else
            throw NOT_PLAIN;
        let byte = this.peek();
        if (byte === DOT) {
            this.position++;
            if (!isDigit(this.next()))
                throw NOT_PLAIN;
            this.skipDigits();
            byte = this.peek();
        }
        if (byte === 0x65 || byte === 0x45) {
            this.position++;
            const sign = this.peek();
            if (sign === PLUS || sign === MINUS)
                this.position++;
            if (!isDigit(this.next()))
                throw NOT_PLAIN;
            this.skipDigits();
        }
    }
    skipDigits() {
        while (isDigit(this.peek()))
            this.position++;
    }
    skipSpace() {
        for (;;) {
            const byte = this.peek();
            if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09)
                return;
            this.position++;
        }
    }
    expect(byte) {
        if (this.next() !== byte)
            throw NOT_PLAIN;
    }
    /** The byte at the position, without moving; out of bytes when the chunk ends here. */
    peek() {
        const byte = this.bytes[this.position];
        if (byte === undefined)
            throw OUT_OF_BYTES;
        return byte;
    }
    next() {
        const byte = this.peek();
        this.position++;
        return byte;
    }
}

;// CONCATENATED MODULE: ./src/probes/prometheus/answer.ts




/**
 * Reads a Prometheus API answer as it arrives, without holding it whole. A small state machine
 * tracks strings and nesting and finds each series of `data.result` in the byte stream. A series
 * that lies whole in the current network chunk is read in place by a {@link SeriesReader}, which
 * folds its values into the {@link SeriesAggregate} as it reads them — no string, array or object
 * per sample. A series cut by a chunk boundary is collected (and its pieces joined) first, then read
 * the same way. A series the in-place reader does not vouch for (NaN, ±Inf, escapes, other keys,
 * malformed bytes) is parsed with JSON.parse and folded by the general path, whose checks and
 * messages are the reference. Everything else — status, resultType, warnings, a scalar result — is
 * the small "envelope", parsed once at the end. Memory stays at one series plus one network chunk,
 * however many series the answer holds.
 */
class AnswerReader {
    kind;
    limits;
    aggregate;
    depth = 0;
    inString = false;
    escaped = false;
    /** Inside the root object's `data` object. */
    inData = false;
    /** Inside the `data.result` array (at depth 3). */
    inResult = false;
    /** Pieces of the series being cut out (empty when between series). */
    element = [];
    inElement = false;
    elementBytes = 0;
    /** The previous item of `data.result` was a series: the comma after it is dropped too. */
    afterElement = false;
    envelope = '';
    decoder = new TextDecoder('utf-8');
    reader;
    constructor(kind, limits = { elementBytes: 64 * 1024 * 1024, envelopeBytes: 1024 * 1024 }) {
        this.kind = kind;
        this.limits = limits;
        this.aggregate = new SeriesAggregate(kind);
        this.reader = new SeriesReader(this.aggregate);
    }
    /** Feeds the next chunk of the body. Throws ProbeError on NaN/±Inf or a malformed answer. */
    push(chunk) {
        let envelopeFrom = this.inElement ? -1 : 0;
        let elementFrom = this.inElement ? 0 : -1;
        for (let index = 0; index < chunk.length; index++) {
            if (this.inElement) {
                // The bulk of the answer: a tight loop over locals until the series closes or the chunk ends.
                const end = this.scanElement(chunk, index);
                if (end < 0)
                    break;
                this.addElement(chunk, elementFrom, end);
                this.finishElement();
                elementFrom = -1;
                envelopeFrom = end;
                index = end - 1;
                continue;
            }
            const byte = chunk[index];
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (byte === BACKSLASH)
                    this.escaped = true;
                else if (byte === QUOTE)
                    this.inString = false;
                continue;
            }
            switch (byte) {
                case QUOTE:
                    this.inString = true;
                    break;
                case OPEN_BRACE:
                case OPEN_BRACKET:
                    if (this.inResult && this.depth === 3 && byte === OPEN_BRACE) {
                        // A series starts: what came before it belongs to the envelope.
                        if (envelopeFrom >= 0)
                            this.addEnvelope(chunk, envelopeFrom, index);
                        const end = this.reader.read(chunk, index);
                        if (end >= 0) {
                            // Read and folded in place: go on after it as after any series.
                            this.afterElement = true;
                            envelopeFrom = end;
                            index = end - 1;
                            continue;
                        }
                        envelopeFrom = -1;
                        elementFrom = index;
                        this.inElement = true;
                        this.afterElement = false;
                    }
                    else if (!this.inElement && (this.depth === 1 || this.depth === 2)) {
                        // The key before this container ends the envelope so far: bring it up to date, then look.
                        if (envelopeFrom >= 0)
                            this.addEnvelope(chunk, envelopeFrom, index);
                        envelopeFrom = index;
                        this.noteContainer(byte);
                    }
                    this.depth++;
                    break;
                case CLOSE_BRACE:
                case CLOSE_BRACKET:
                    this.depth--;
                    if (this.inElement && this.depth === 3) {
                        this.addElement(chunk, elementFrom, index + 1);
                        this.finishElement();
                        elementFrom = -1;
                        envelopeFrom = index + 1;
                    }
                    else if (!this.inElement) {
                        if (this.depth === 2 && this.inResult)
                            this.inResult = false;
                        if (this.depth === 1 && this.inData)
                            this.inData = false;
                        if (this.depth < 0)
                            throw malformed('a closing bracket without an opening one');
                    }
                    break;
                case COMMA:
                    // Series are cut out whole: the comma between two of them would leave `[,]` behind.
                    if (this.afterElement && this.depth === 3 && !this.inElement) {
                        if (envelopeFrom >= 0)
                            this.addEnvelope(chunk, envelopeFrom, index);
                        envelopeFrom = index + 1;
                    }
                    break;
                default:
                    break;
            }
        }
        if (this.inElement)
            this.addElement(chunk, elementFrom, chunk.length);
        else if (envelopeFrom >= 0)
            this.addEnvelope(chunk, envelopeFrom, chunk.length);
    }
    /**
     * Scans a series from `from`: returns the index just past its closing `}`, or -1 when the chunk
     * ends first (nesting and string state are kept for the next chunk).
     */
    scanElement(chunk, from) {
        let depth = this.depth;
        let inString = this.inString;
        let escaped = this.escaped;
        const length = chunk.length;
        for (let index = from; index < length; index++) {
            const byte = chunk[index];
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (byte === BACKSLASH)
                    escaped = true;
                else if (byte === QUOTE)
                    inString = false;
            }
            else if (byte === QUOTE)
                inString = true;
            else if (byte === OPEN_BRACE || byte === OPEN_BRACKET)
                depth++;
            else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
                depth--;
                if (depth === 3) {
                    this.depth = depth;
                    this.inString = false;
                    this.escaped = false;
                    return index + 1;
                }
            }
        }
        this.depth = depth;
        this.inString = inString;
        this.escaped = escaped;
        return -1;
    }
    /** Ends the answer: parses the envelope and returns it; the series are in {@link aggregate}. */
    end() {
        this.envelope += this.decoder.decode();
        if (this.depth !== 0 || this.inString || this.inElement)
            throw malformed('it ended before its last bracket');
        let parsed;
        try {
            parsed = JSON.parse(this.envelope);
        }
        catch (error) {
            throw malformed(error.message);
        }
        if (!answer_isRecord(parsed))
            throw malformed('it is not a JSON object');
        return parsed;
    }
    /** `{` or `[` at depth 1 or 2 outside a series: notes when `data` and `data.result` open. */
    noteContainer(byte) {
        const key = /"((?:[^"\\]|\\.)*)"\s*:\s*$/.exec(this.envelope.slice(-64))?.[1];
        if (this.depth === 1 && byte === OPEN_BRACE && key === 'data')
            this.inData = true;
        if (this.depth === 2 && this.inData && byte === OPEN_BRACKET && key === 'result')
            this.inResult = true;
    }
    addEnvelope(chunk, from, to) {
        if (to <= from)
            return;
        this.envelope += this.decoder.decode(chunk.subarray(from, to), { stream: true });
        if (this.envelope.length > this.limits.envelopeBytes)
            throw malformed(`its envelope (everything but the series) passed ${this.limits.envelopeBytes} bytes`);
    }
    addElement(chunk, from, to) {
        if (to <= from)
            return;
        this.element.push(chunk.subarray(from, to));
        this.elementBytes += to - from;
        if (this.elementBytes > this.limits.elementBytes)
            throw malformed(`one series is larger than ${this.limits.elementBytes} bytes`);
    }
    finishElement() {
        const bytes = this.element.length === 1 ? this.element[0] : Buffer.concat(this.element);
        this.element = [];
        this.elementBytes = 0;
        this.inElement = false;
        this.afterElement = true;
        // The reader and the scanner end a well-formed series at the same `}`.
        if (this.reader.read(bytes, 0) >= 0)
            return;
        let series;
        try {
            series = JSON.parse(bytes.toString('utf8'));
        }
        catch (error) {
            throw malformed(error.message);
        }
        this.aggregate.addParsed(series);
    }
}
function answer_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function malformed(detail) {
    return new probe/* ProbeError */.B2(`prometheus: the answer is not a valid Prometheus API response (${detail}); is sources.prometheus.url the API's base URL, and is nothing in between rewriting the answer?`);
}

// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
;// CONCATENATED MODULE: ./src/probes/prometheus/errors.ts


/** How much of an error answer's body a message quotes. */
const QUOTED = 200;
/**
 * `bad_data` with a parse position becomes `bad PromQL at 1:15: unclosed left parenthesis — near
 * 'rate(x[5m]'`: the position and the text around it, on one line.
 */
function badQuery(query, error) {
    const parsed = /(\d+):(\d+): parse error: (.*)$/.exec(error);
    if (!parsed)
        return new probe/* ProbeError */.B2(`prometheus: the server refused the query: ${error}`);
    const [, line, column, reason] = parsed;
    const lineText = query.split('\n')[Number(line) - 1] ?? '';
    const at = Math.max(0, Number(column) - 1);
    const near = lineText.slice(Math.max(0, at - 40), at + 20).trim();
    return new probe/* ProbeError */.B2(`prometheus: bad PromQL at line ${line}, column ${column}: ${reason}${near ? ` — near '${near}'` : ''}; try it in the Prometheus UI (Graph tab) to see the whole error`);
}
/** An answer with an error status, or `status: error`, as one line that says what to do. */
function refusalError(status, statusText, refusal, bodyText, query, where) {
    const said = refusal?.error;
    if (refusal?.errorType === 'bad_data' && said !== undefined)
        return badQuery(query, said);
    if (refusal?.errorType === 'timeout' || refusal?.errorType === 'canceled') {
        return new probe/* ProbeError */.B2(`prometheus: the server gave up on the query (${refusal.errorType}: ${said ?? 'no detail'}); narrow it (fewer series, a shorter range, a larger step) or raise the check's timeout`);
    }
    if (refusal?.errorType === 'execution' && said !== undefined) {
        return new probe/* ProbeError */.B2(`prometheus: the query failed while it ran: ${said}`);
    }
    if (said !== undefined) {
        return new probe/* ProbeError */.B2(`prometheus: ${where} refused the query (${status} ${refusal?.errorType ?? 'error'}): ${said}`);
    }
    const quoted = plainLine(bodyText);
    const detail = quoted ? `: ${quoted}` : '';
    if (status === 401 || status === 403) {
        return new probe/* ProbeError */.B2(`prometheus: ${where} answered ${status} ${statusText}${detail}; check the credentials in sources.prometheus.headers (e.g. Authorization: 'Bearer \${PROM_TOKEN}')`);
    }
    if (status === 404) {
        return new probe/* ProbeError */.B2(`prometheus: no Prometheus API at ${where} (404); sources.prometheus.url is the base URL before /api/v1 (Grafana Cloud: …/api/prom; Thanos: the querier)`);
    }
    if (status === 429) {
        return new probe/* ProbeError */.B2(`prometheus: ${where} is rate limiting queries (429)${detail}; run fewer checks at once or ask for a higher limit`);
    }
    return new probe/* ProbeError */.B2(`prometheus: ${where} answered ${status} ${statusText}${detail}`);
}
/** A failure before any answer (refused, DNS, TLS, timeout) as one line. */
function transportError(error, where, timeoutMs, timedOut) {
    if (error instanceof probe/* ProbeError */.B2)
        return error;
    // The engine aborts the check's signal with a TimeoutError; fetch rejects with that reason.
    if (timedOut || error?.name === 'TimeoutError') {
        return new probe/* ProbeError */.B2(`prometheus: no answer from ${where} within ${timeoutMs} ms (timeout); raise the check's timeout if the query is just slow`);
    }
    const cause = error?.cause;
    const rawCode = cause?.code ?? error?.code;
    // DOMException carries a numeric legacy code; only Node's string codes say anything.
    const code = typeof rawCode === 'string' ? rawCode : '';
    if (code === 'ECONNREFUSED')
        return new probe/* ProbeError */.B2(`prometheus: connection refused by ${where}; is Prometheus up and listening there?`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return new probe/* ProbeError */.B2(`prometheus: cannot resolve the host of ${where} (DNS ${code}); check sources.prometheus.url`);
    }
    if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED/.test(code)) {
        return new probe/* ProbeError */.B2(`prometheus: TLS certificate of ${where} not accepted (${code}); fix the certificate or trust its CA (NODE_EXTRA_CA_CERTS)`);
    }
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
        return new probe/* ProbeError */.B2(`prometheus: ${where} closed the connection (${code})`);
    const name = error?.name;
    if (name === 'AbortError')
        return new probe/* ProbeError */.B2(`prometheus: the query to ${where} was stopped (the check's time ran out)`);
    const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
    return new probe/* ProbeError */.B2(`prometheus: request to ${where} failed (${code || plainLine(message)})`);
}
/** The body as one short line of plain text (HTML error pages lose their tags). */
function plainLine(text) {
    return (0,shared_text/* oneLine */.TN)(text.replace(/<[^>]*>/g, ' '), QUOTED);
}

// EXTERNAL MODULE: ./src/probes/prometheus/fields.ts
var prometheus_fields = __webpack_require__(57615);
;// CONCATENATED MODULE: ./src/probes/prometheus/session.ts
// The heavy half of the prometheus probe: loaded only when a gate has a `prometheus:` check.






/** How much of an error answer is read. */
const ERROR_BODY_LIMIT = 64 * 1024;
/** Opens the prometheus probe's session: validates the source and registers its secrets once. */
function openPrometheusSession(environment) {
    const endpoint = prepareEndpoint(environment);
    return Promise.resolve({
        run: (call) => runQuery(endpoint, call, environment),
        close: () => Promise.resolve(),
    });
}
function prepareEndpoint(environment) {
    const source = environment.sources.prometheus;
    const headers = {};
    // Every header value is a secret: Authorization, but also tenant ids and API keys under any name.
    for (const [name, value] of Object.entries(source?.headers ?? {})) {
        headers[name] = value;
        if (value.trim().length > 0)
            environment.addSecret(value);
        for (const secret of (0,secrets/* secretValuesOf */.WD)(name, value))
            environment.addSecret(secret);
    }
    if (source?.url === undefined) {
        throw new probe/* ProbeError */.B2("prometheus: no Prometheus URL; set sources.prometheus.url (e.g. url: '${PROMETHEUS_URL}') or the PROMETHEUS_URL environment variable");
    }
    const base = new URL(source.url);
    for (const [name, value] of base.searchParams)
        if ((0,secrets/* isSecretHeader */.io)(name) && value !== '')
            environment.addSecret(value);
    if (base.password !== '' || base.username !== '') {
        // fetch refuses URLs with credentials: they travel as Basic auth, as curl would send them.
        const user = decodeURIComponent(base.username);
        const password = decodeURIComponent(base.password);
        if (password !== '')
            environment.addSecret(password);
        const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
        if (!hasAuthorization) {
            const credential = Buffer.from(`${user}:${password}`).toString('base64');
            environment.addSecret(credential);
            headers.Authorization = `Basic ${credential}`;
        }
        base.username = '';
        base.password = '';
    }
    if (!base.pathname.endsWith('/'))
        base.pathname += '/';
    return { base, headers, where: base.origin + base.pathname.replace(/\/$/, '') };
}
async function runQuery(endpoint, call, environment) {
    const { spec } = call;
    const range = spec.rangeMs !== undefined && spec.stepMs !== undefined;
    const url = new URL(range ? 'api/v1/query_range' : 'api/v1/query', endpoint.base);
    url.searchParams.set('query', spec.query);
    if (range) {
        const end = Date.now() / 1000;
        url.searchParams.set('start', String(end - spec.rangeMs / 1000));
        url.searchParams.set('end', String(end));
        url.searchParams.set('step', String(spec.stepMs / 1000));
    }
    // The server stops evaluating a second before the check gives up, so its own timeout error is what the user reads.
    url.searchParams.set('timeout', String(Math.max(1, (call.timeoutMs - 1000) / 1000)));
    environment.debug(`prometheus: ${range ? 'query_range' : 'query'} ${spec.query}`);
    const timeout = AbortSignal.timeout(call.timeoutMs);
    const signal = AbortSignal.any([call.signal, timeout]);
    const where = `${endpoint.where}/api/v1/${range ? 'query_range' : 'query'}`;
    const reader = new AnswerReader(range ? 'range' : 'instant');
    let envelope;
    try {
        const response = await fetch(url, {
            headers: { accept: 'application/json', ...endpoint.headers },
            signal,
            // A redirect is usually a login page; its answer would not be the metrics.
            redirect: 'manual',
        });
        if (response.status >= 300 && response.status < 400) {
            const location = response.headers.get('location') ?? 'nowhere';
            throw new probe/* ProbeError */.B2(`prometheus: ${where} redirects (${response.status}) to ${location.split('?')[0]}, usually a login page; give credentials in sources.prometheus.headers or point url at the API itself`);
        }
        if (!response.ok)
            throw await refusalFrom(response, spec.query, where);
        if (/^text\/html/i.test(response.headers.get('content-type') ?? '')) {
            throw new probe/* ProbeError */.B2(`prometheus: ${where} answered with an HTML page, not the API's JSON; point sources.prometheus.url at the API (Grafana Cloud: …/api/prom)`);
        }
        if (response.body === null)
            throw new probe/* ProbeError */.B2(`prometheus: ${where} answered ${response.status} without a body`);
        for await (const chunk of chunksOf(response.body)) {
            reader.push(chunk);
        }
        envelope = reader.end();
    }
    catch (error) {
        throw transportError(error, endpoint.where, call.timeoutMs, timeout.aborted);
    }
    return fieldsOf(spec, envelope, reader, call.extras, where);
}
async function refusalFrom(response, query, where) {
    const text = await boundedText(response);
    let refusal;
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null)
            refusal = parsed;
    }
    catch {
        // Not the API's JSON (a proxy's page): the status and the text say what happened.
    }
    return refusalError(response.status, response.statusText, refusal, text, query, where);
}
async function boundedText(response) {
    if (response.body === null)
        return '';
    const chunks = [];
    let kept = 0;
    for await (const chunk of chunksOf(response.body)) {
        chunks.push(chunk);
        kept += chunk.length;
        if (kept >= ERROR_BODY_LIMIT)
            break;
    }
    return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, ERROR_BODY_LIMIT));
}
function fieldsOf(spec, envelope, reader, extras, where) {
    const warnings = [...strings(envelope.warnings), ...strings(envelope.infos)];
    const warned = warnings.length > 0 ? `; the server warned: ${warnings.join(' | ')}` : '';
    if (envelope.status !== 'success') {
        throw refusalError(200, 'OK', envelope, '', spec.query, where);
    }
    const data = envelope.data;
    const aggregate = reader.aggregate;
    if (data?.resultType === 'scalar')
        aggregate.addScalar(data.result);
    else if (data?.resultType === 'string') {
        throw new probe/* ProbeError */.B2('prometheus: the query returned a string, not a number; ask for a number');
    }
    else if (data?.resultType !== 'vector' && data?.resultType !== 'matrix') {
        throw new probe/* ProbeError */.B2(`prometheus: the answer has no vector or matrix result (resultType ${JSON.stringify(data?.resultType ?? null)}); is sources.prometheus.url a Prometheus API?`);
    }
    if (aggregate.series === 0 || aggregate.samples === 0)
        throw emptyResult(spec, warned);
    const read = (0,prometheus_fields/* singleSeriesFieldRead */.kh)(extras);
    if (aggregate.series !== 1 && read !== undefined) {
        const more = aggregate.series > aggregate.labelSets.length ? ', …' : '';
        throw new probe/* ProbeError */.B2(`prometheus: '${read}' needs exactly one series, but the query returned ${aggregate.series}: ${aggregate.labelSets.join(', ')}${more}; aggregate them (sum(…), max(…), sum by (…) with one group) or use min, max, avg or sum${warned}`);
    }
    const fields = {
        series: aggregate.series,
        samples: aggregate.samples,
        min: aggregate.min,
        max: aggregate.max,
        avg: aggregate.sum / aggregate.samples,
        sum: aggregate.sum,
        warnings,
    };
    if (aggregate.series === 1 && aggregate.last !== undefined) {
        fields.value = aggregate.last;
        fields.last = aggregate.last;
    }
    return fields;
}
function emptyResult(spec, warned) {
    const when = spec.rangeMs === undefined
        ? 'no series at gate time'
        : `no samples in the last ${(0,duration/* formatDuration */.a)(spec.rangeMs)}`;
    return new probe/* ProbeError */.B2(`prometheus: the query returned ${when}; an empty result is never read as 0 or as a pass. If no data means zero (no errors yet), append 'or vector(0)': ${spec.query} or vector(0); if the series should exist, check the metric name and labels (absent(…) says when a metric is missing)${warned}`);
}
/** The body's chunks as Buffers over the same memory (no copy). */
async function* chunksOf(body) {
    for await (const chunk of body) {
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
}
function strings(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}


/***/ })

};
