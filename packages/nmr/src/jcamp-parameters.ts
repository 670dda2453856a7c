import { describeValue } from '@intercalate/numerics';

/**
 * The value of one JCAMP-DX labelled data record, typed from its text:
 *
 * - a number when the text is one decimal number (`##$SF= 400.13` → `400.13`);
 * - a string without its angle brackets for Bruker strings (`##$NUC1= <7Li>` → `'7Li'`);
 * - an array for Bruker's `(0..n)` arrays, whose n + 1 elements follow on the next lines
 *   (`number[]`, or `string[]` when the elements are `<…>` strings);
 * - otherwise the trimmed text (`##XUNITS= HZ` → `'HZ'`).
 */
export type JcampValue = number | string | number[] | string[];

/**
 * One labelled data record (LDR) of a JCAMP-DX text: `##LABEL= value`, the value running on until
 * the next line that starts with `##`. `$$` comments are removed.
 *
 * @internal
 */
export interface JcampRecord {
  /** The label as written, between `##` and `=`, trimmed (e.g. `'$SW_p'`, `'.OBSERVE FREQUENCY'`). */
  label: string;
  /** The label normalised per JCAMP-DX (see {@link normalizeJcampLabel}), e.g. `'.OBSERVEFREQUENCY'`. */
  key: string;
  /**
   * The value text: the rest of the label line after `=`, then one `\n`-separated entry per
   * continuation line (comments removed, so entry k lies on line `line + k`).
   */
  text: string;
  /** 1-based line number of the `##` line in the source text. */
  line: number;
}

/**
 * A JCAMP-DX block: the records from one `##TITLE=` to its `##END=` (nested blocks of a compound
 * file excluded), in file order.
 *
 * @internal
 */
export interface JcampBlock {
  /** The block's records in file order, the `##TITLE` record first and `##END` excluded. */
  records: JcampRecord[];
  /** 1-based line number of the block's `##TITLE` line (1 for a file without `##TITLE`). */
  line: number;
}

/**
 * Normalises a JCAMP-DX label as the standard prescribes for comparison (McDonald & Wilks, Appl.
 * Spectrosc. 1988, 42, 151): upper case, with spaces, hyphens, slashes and underscores removed, so
 * `X UNITS`, `x-units` and `XUNITS` are equal. Bruker's private `$` prefix is kept.
 *
 * @param label - A label as written, without `##` and `=`.
 * @returns The normalised key.
 *
 * @internal
 */
export function normalizeJcampLabel(label: string): string {
  return label.toUpperCase().replace(/[\s\-/_]/g, '');
}

/**
 * Splits a JCAMP-DX text into its labelled data records, grouped by block. A text without
 * `##TITLE` (as some parameter files) is one block.
 *
 * @param text - The whole file as a string.
 * @param name - The argument's name for error messages. @defaultValue `'text'`
 * @returns The blocks in the order their `##TITLE` lines appear.
 * @throws TypeError if `text` is not a string.
 * @throws RangeError (with the line number) on a `##` line without `=`, or text before the first
 *   label.
 *
 * @internal
 */
export function parseJcampBlocks(text: string, name = 'text'): JcampBlock[] {
  if (typeof text !== 'string') {
    throw new TypeError(
      `${name} must be the JCAMP-DX file content as a string; received ${describeValue(text)}`,
    );
  }
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: JcampBlock[] = [];
  const open: JcampBlock[] = [];
  let implicit: JcampBlock | undefined;
  let current: { record: JcampRecord; parts: string[]; block: JcampBlock } | undefined;
  const finish = () => {
    if (current === undefined) return;
    current.record.text = current.parts.join('\n');
    current.block.records.push(current.record);
    current = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] as string;
    if (index === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    const comment = line.indexOf('$$');
    const content = comment >= 0 ? line.slice(0, comment) : line;
    const trimmed = content.trimStart();
    if (!trimmed.startsWith('##')) {
      if (current !== undefined) current.parts.push(content);
      else if (trimmed.trim() !== '') {
        throw new RangeError(
          `${name} line ${index + 1}: text outside any ##LABEL= record: ${JSON.stringify(trimmed.slice(0, 40))}`,
        );
      }
      continue;
    }
    finish();
    const equals = trimmed.indexOf('=');
    if (equals < 0) {
      throw new RangeError(
        `${name} line ${index + 1}: a ##LABEL line must contain "="; received ${JSON.stringify(trimmed.slice(0, 40))}`,
      );
    }
    const label = trimmed.slice(2, equals).trim();
    const key = normalizeJcampLabel(label);
    if (key === 'TITLE') {
      const block: JcampBlock = { records: [], line: index + 1 };
      blocks.push(block);
      open.push(block);
    } else if (key === 'END') {
      open.pop();
      continue;
    }
    // `##=` is the standard comment label.
    if (key === '') continue;
    let block = open[open.length - 1];
    if (block === undefined) {
      if (implicit === undefined) {
        implicit = { records: [], line: 1 };
        blocks.push(implicit);
      }
      block = implicit;
    }
    current = {
      record: { label, key, text: '', line: index + 1 },
      parts: [trimmed.slice(equals + 1)],
      block,
    };
  }
  finish();
  return blocks;
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const arrayHeaderPattern = /^\((\d+)\.\.(\d+)\)$/;

/**
 * Types the value of one record (see {@link JcampValue}). A `(0..n)` array must hold exactly
 * n + 1 elements; the element count is checked against the text, never used to allocate.
 *
 * @param record - The record.
 * @param name - The argument's name for error messages.
 * @returns The typed value.
 * @throws RangeError (with the line number) if a `(m..n)` array does not hold n − m + 1 elements,
 *   or mixes numbers, strings and other text.
 *
 * @internal
 */
export function parseJcampValue(record: JcampRecord, name: string): JcampValue {
  const text = record.text;
  const newline = text.indexOf('\n');
  const head = (newline < 0 ? text : text.slice(0, newline)).trim();
  const array = arrayHeaderPattern.exec(head);
  if (array !== null) {
    const expected = Number(array[2]) - Number(array[1]) + 1;
    const body = newline < 0 ? '' : text.slice(newline + 1);
    const where = `${name} line ${record.line}: ##${record.label}= ${head}`;
    if (body.includes('<')) {
      const strings: string[] = [];
      const pattern = /<([^>]*)>|(\S+)/g;
      for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
        if (match[1] === undefined) {
          throw new RangeError(
            `${where} mixes <strings> with other text (${JSON.stringify(match[2])})`,
          );
        }
        strings.push(match[1]);
      }
      if (strings.length !== expected) {
        throw new RangeError(`${where} must hold ${expected} elements; received ${strings.length}`);
      }
      return strings;
    }
    const tokens = body.split(/\s+/).filter((token) => token !== '');
    if (tokens.length !== expected) {
      throw new RangeError(`${where} must hold ${expected} elements; received ${tokens.length}`);
    }
    const numbers: number[] = [];
    for (const token of tokens) {
      const value = numberPattern.test(token) ? Number(token) : Number.NaN;
      if (!Number.isFinite(value)) {
        throw new RangeError(`${where} holds a non-numeric element ${JSON.stringify(token)}`);
      }
      numbers.push(value);
    }
    return numbers;
  }
  const whole = text.trim();
  if (numberPattern.test(whole)) {
    const value = Number(whole);
    if (Number.isFinite(value)) return value;
  }
  if (whole.startsWith('<') && whole.endsWith('>') && whole.indexOf('>') === whole.length - 1) {
    return whole.slice(1, -1);
  }
  return whole;
}

/** Options of {@link parseJcampParameters}. */
export interface JcampParameterOptions {
  /**
   * Drop the leading `$` of Bruker's private labels in the keys (`'SW_p'` rather than `'$SW_p'`),
   * as nmrglue's Bruker reader does. @defaultValue false
   */
  stripDollar?: boolean;
  /** The argument's name used in error messages. @defaultValue `'text'` */
  name?: string;
}

/**
 * Converts records to a parameter object keyed by the label as written (see
 * {@link parseJcampParameters}); the first occurrence of a label wins.
 *
 * @param records - Records of one block.
 * @param options - Key and message options.
 * @param skip - Normalised keys to leave out (data tables).
 * @returns A prototype-less object of typed values.
 * @throws RangeError as {@link parseJcampValue}.
 *
 * @internal
 */
export function jcampRecordsToParameters(
  records: readonly JcampRecord[],
  options: JcampParameterOptions = {},
  skip: ReadonlySet<string> = new Set(),
): Record<string, JcampValue> {
  const name = options.name ?? 'text';
  const parameters = Object.create(null) as Record<string, JcampValue>;
  for (const record of records) {
    if (skip.has(record.key)) continue;
    const key =
      options.stripDollar && record.label.startsWith('$') ? record.label.slice(1) : record.label;
    if (key in parameters) continue;
    parameters[key] = parseJcampValue(record, name);
  }
  return parameters;
}

/**
 * Parses a JCAMP-DX parameter file — Bruker's `acqus`, `procs` (and `acqu2s`, `proc2s`, …) are
 * JCAMP-DX 5.0 files of labelled data records — into an object keyed by label as written (with
 * the `$` of private labels kept unless `stripDollar`). Values are typed as {@link JcampValue}:
 * numbers, `<strings>` without brackets, `(0..n)` arrays checked to hold n + 1 elements, or the
 * raw text. `$$` comments and the `##TITLE`/`##END` structure are handled; for a compound file
 * the records of all blocks are merged, first occurrence winning.
 *
 * @param text - The file content as a string (Bruker parameter files are ASCII).
 * @param options - `stripDollar` and the argument `name` used in messages.
 * @returns A prototype-less object of the parameters.
 * @throws TypeError if `text` is not a string.
 * @throws RangeError (naming the line) on a `##` line without `=`, text before the first label, or
 *   an array whose element count does not match its `(m..n)` header.
 *
 * @example
 * ```ts
 * import { parseJcampParameters } from '@intercalate/nmr';
 * const procs = parseJcampParameters('##$SF= 116.591391\n##$AXNUC= <7Li>\n##END=', {
 *   stripDollar: true,
 * });
 * procs.SF; // 116.591391
 * procs.AXNUC; // '7Li'
 * ```
 */
export function parseJcampParameters(
  text: string,
  options: JcampParameterOptions = {},
): Record<string, JcampValue> {
  const blocks = parseJcampBlocks(text, options.name ?? 'text');
  const records = blocks.flatMap((block) => block.records);
  return jcampRecordsToParameters(records, options);
}
