// The streamed answer reader against the plain reading it replaces for speed: JSON.parse of the whole
// answer, each series folded by the general path. Whatever the spelling and wherever the network
// cuts the bytes, both must give the same figures bit for bit, or the same error.
import { describe, expect, it } from 'vitest';
import { SeriesAggregate } from '../../../src/probes/prometheus/aggregate.js';
import { AnswerReader } from '../../../src/probes/prometheus/answer.js';
import { ProbeError } from '../../../src/probes/probe.js';

type Outcome = { figures: Record<string, unknown> } | { error: string };

function figuresOf(aggregate: SeriesAggregate): Record<string, unknown> {
  const { series, samples, min, max, sum, last, labelSets } = aggregate;
  return { series, samples, min, max, sum, last, labelSets };
}

/** The reference: the whole answer parsed at once, every series through the general path. */
function plainReading(text: string, kind: 'instant' | 'range'): Outcome {
  const aggregate = new SeriesAggregate(kind);
  try {
    const answer = JSON.parse(text) as { data: { result: unknown[] } };
    for (const item of answer.data.result) aggregate.addParsed(item);
  } catch (error) {
    return { error: error instanceof ProbeError ? error.message : 'malformed' };
  }
  return { figures: figuresOf(aggregate) };
}

function streamedReading(text: string, kind: 'instant' | 'range', chunkBytes: number): Outcome {
  const reader = new AnswerReader(kind);
  const bytes = Buffer.from(text);
  try {
    for (let from = 0; from < bytes.length; from += chunkBytes)
      reader.push(Buffer.from(bytes.subarray(from, from + chunkBytes)));
    reader.end();
  } catch (error) {
    const message = (error as Error).message;
    // A syntax error's detail names a position, which differs between the two readings.
    return { error: message.includes('(Unexpected') || message.includes('JSON') ? 'malformed' : message };
  }
  return { figures: figuresOf(reader.aggregate) };
}

function matrix(series: string[]): string {
  return `{"status":"success","data":{"resultType":"matrix","result":[${series.join(',')}]}}`;
}

function series(values: string[], metric = '{"__name__":"up","pod":"web-1"}'): string {
  return `{"metric":${metric},"values":[${values.map((value, index) => `[${1_700_000_000 + index * 15}.5,"${value}"]`).join(',')}]}`;
}

const CHUNKS = [1, 2, 3, 7, 64, 1000, 1 << 20];

function expectSameReading(text: string, kind: 'instant' | 'range' = 'range'): Outcome {
  const reference = plainReading(text, kind);
  for (const chunkBytes of CHUNKS) {
    expect(streamedReading(text, kind, chunkBytes), `chunks of ${chunkBytes} bytes`).toEqual(reference);
  }
  return reference;
}

describe('the streamed answer reader', () => {
  it('reads every value spelling to the same double as Number()', () => {
    const values = [
      '0',
      '-0',
      '1',
      '0.25',
      '.5',
      '5.',
      '-0.001',
      '123456789012345',
      '0.000000000000001',
      '999999999999999.9',
      '0.30000000000000004',
      '0.1234567890123456789',
      '1e-07',
      '-3.5e+21',
      // 16 to 18 digits are past the exact integer: read by hand they would round twice.
      '3907.89217979842609',
      '53529591196283.845',
      '164224643451.684527',
      '1E3',
      '+1',
      ' 2',
      '0x10',
      '17.000',
      '00012.5',
      '4503599627370497',
      '9007199254740993',
    ];
    // Each alone too: in a total, a last-bit difference of one value can vanish.
    for (const value of values) expectSameReading(matrix([series([value])]));
    const reference = expectSameReading(matrix([series(values)]));
    expect(reference).toMatchObject({ figures: { samples: values.length, min: -3.5e21 } });
  });

  it('gives bit-identical totals for a thousand random rates in any chunking', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const spellings = (value: number): string[] => [String(value), value.toFixed(4), value.toPrecision(15)];
    const all = Array.from({ length: 400 }, () =>
      spellings(random() * 10 ** Math.floor(random() * 12 - 6)),
    ).flat();
    const groups = Array.from({ length: 10 }, (_, index) =>
      series(all.slice(index * 120, index * 120 + 120)),
    );
    expectSameReading(matrix(groups));
  });

  it('reads pretty-printed answers, escaped and non-ASCII labels, other key orders and instant vectors', () => {
    const pretty = JSON.stringify(JSON.parse(matrix([series(['1', '2.5']), series(['3'])])), null, 2);
    expectSameReading(pretty);
    expectSameReading(
      matrix([series(['1'], '{"__name__":"up","pod":"w\\"e{b}[1]","zone":"zürich \\u00e9"}')]),
    );
    expectSameReading(matrix([`{"values":[[1700000000,"4"]],"metric":{"job":"api"}}`]));
    expectSameReading(matrix([`{"metric":{},"values":[]}`, series(['1'])]));
    expectSameReading(
      matrix([`{"metric":{"job":1,"ok":true},"values":[[1e3,"2"],["1700000000","3"],[-0.5,"4"]]}`]),
    );
    expectSameReading(matrix([`{"metric":{"job":"a"},"value":[1700000000.25,"0.75"]}`]), 'instant');
    expectSameReading(
      matrix([`{"metric":{"job":"a"},"value":[1700000000.25,"0.75"],"extra":{"x":[1]}}`]),
      'instant',
    );
    expectSameReading(matrix([`{"metric":{"job":"a"},"metric":{"job":"b"},"values":[[1,"1"]]}`]));
    // Only the first label sets are kept for messages, whatever the path that read them.
    expectSameReading(matrix(['a', 'b', 'c', 'd', 'e'].map((pod) => series(['1'], `{"pod":"${pod}"}`))));
  });

  it('gives the same error for NaN, ±Inf, non-numbers, histograms and bad shapes, even after good series', () => {
    const good = series(['1', '2']);
    for (const bad of ['NaN', '+Inf', '-Inf', 'Inf', '', 'abc', 'Infinity', '1.2.3', '-']) {
      const outcome = expectSameReading(matrix([good, series(['0.5', bad, '0.7'])]));
      expect(outcome, bad).toHaveProperty('error');
      expect((outcome as { error: string }).error).toContain('prometheus: up{pod="web-1"}'.slice(0, 11));
    }
    const shapes = [
      `{"metric":{"job":"a"},"values":[[1700000000,"1",3]]}`,
      `{"metric":{"job":"a"},"values":[[1700000000,1]]}`,
      `{"metric":{"job":"a"}}`,
      `{"metric":"job","values":[[1,"1"]]}`,
      `{"values":[[1,"1"]]}`,
      `{"metric":{"job":"a"},"histograms":[[1,{"count":"1"}]]}`,
      `{"metric":{"job":"a"},"values":[[1,"1"]],"histogram":[1,{}]}`,
    ];
    for (const shape of shapes)
      expect(expectSameReading(matrix([good, shape])), shape).toHaveProperty('error');
  });

  it('is an error for malformed JSON inside a series, never a partial aggregate', () => {
    for (const broken of [
      `{"metric":{"job":"a"},"values":[[01,"1"]]}`,
      `{"metric":{"job":"a"},"values":[[1,"1"],]}`,
      `{"metric":{"job":"a"},"values":[[1,"1"]]],"x":1}`,
      `{"metric":{"job":tru},"values":[[1,"1"]]}`,
      `{"metric":{"job":"a"},"values":[[1.,"1"]]}`,
      `{"metric":{"job":"a\u0001"},"values":[[1,"1"]]}`,
    ]) {
      // After three good series, so the broken label set is not one the messages keep.
      const good = ['a', 'b', 'c'].map((pod) => series(['1'], `{"pod":"${pod}"}`));
      expect(expectSameReading(matrix([...good, broken])), broken).toEqual({ error: 'malformed' });
    }
  });
});
