/**
 * The one way this project loads exceljs. exceljs 4.4.0's streaming reader decodes each zip
 * chunk to text on its own, so a Chinese character split across two chunks turns into U+FFFD
 * ("已��证") in any sheet larger than one chunk. Before exceljs loads, we put in place a copy of
 * its SAX helper that decodes the stream as one (TextDecoder with stream: true). Import ExcelJS
 * from here, never from 'exceljs' directly, or the unfixed helper may be captured first.
 */
import { createRequire } from 'node:module';
import type ExcelJSType from 'exceljs';

const require = createRequire(import.meta.url);

interface SaxEvent {
  eventType: string;
  value: unknown;
}

async function* parseSaxStreaming(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
  const { SaxesParser } = createRequire(require.resolve('exceljs'))('saxes') as typeof import('saxes');
  let source: AsyncIterable<Buffer | string> = iterable;
  if (iterable.pipe && !(Symbol.asyncIterator in iterable)) {
    const { PassThrough } = require('node:stream') as typeof import('node:stream');
    source = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough());
  }
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
if (require.cache[parseSaxPath]?.exports !== parseSaxStreaming) {
  if (require.cache[require.resolve('exceljs')]) {
    throw new Error('exceljs was loaded before its UTF-8 fix: import ExcelJS from features/imports/exceljs.ts');
  }
  require(parseSaxPath);
  require.cache[parseSaxPath]!.exports = parseSaxStreaming;
}

const ExcelJS = require('exceljs') as typeof ExcelJSType;
export default ExcelJS;
