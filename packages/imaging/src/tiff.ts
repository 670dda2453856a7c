import { describeValue } from '@intercalate/numerics';
import { decode as decodeTiffLibrary } from 'tiff';
import { asBytes, corrupt, LITTLE_ENDIAN_PLATFORM } from './bytes.js';
import { assertImage, createImage, type Image, type PixelArray } from './image.js';

/** Options of {@link readTiff}. */
export interface ReadTiffOptions {
  /**
   * `'stack'`: one {@link Image}, 2D for a single page and 3D `[pages, height, width]` for a
   * multi-page file (a z-stack, a time series or an energy series), which requires every page to
   * have the same size, channels and sample type. `'pages'`: an array with one 2D image per page,
   * for files whose pages differ.
   * @defaultValue 'stack'
   */
  as?: 'stack' | 'pages';
}

/** Maximum decoded/compressed size ratio accepted for LZW and deflate data (see readTiff). */
const MAX_EXPANSION = 4096;
/** Largest typed-array length accepted for one image. */
const MAX_SAMPLES = 2 ** 31 - 1;

const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

type SampleKind =
  | 'uint8'
  | 'uint16'
  | 'float32'
  | 'float64'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'uint32';

interface Page {
  width: number;
  height: number;
  samplesPerPixel: number;
  kind: SampleKind;
  bytesPerSample: number;
  compression: number;
  predictor: number;
  photometric: number;
  tiled: boolean;
  planar: boolean;
  blockWidth: number;
  blockHeight: number;
  offsets: number[];
  byteCounts: number[];
}

/**
 * Reads a TIFF file (baseline and the usual scientific extensions) into {@link Image}s.
 *
 * Supported: 8- and 16-bit unsigned integers (→ Uint8Array, Uint16Array), 32- and 64-bit IEEE
 * floats (→ Float32Array, Float64Array), and, uncompressed, signed 8/16/32-bit and unsigned 32-bit
 * integers (→ Float64Array, exact); one sample per pixel (grey, BlackIsZero or WhiteIsZero) or
 * several (RGB, RGBA, extra samples; interleaved, or planar when uncompressed — returned interleaved),
 * strips or tiles, little- or big-endian,
 * uncompressed, LZW or deflate (the last two through the `tiff` package, image-js's decoder), with
 * or without horizontal-differencing predictor for 8/16-bit data. WhiteIsZero integer data are
 * inverted to BlackIsZero (v → 2ᵇ − 1 − v) as `tiff` does. Not supported (RangeError): BigTIFF,
 * palette colour, CMYK/YCbCr, compressed planar multi-sample data, bilevel or 12-bit
 * samples, JPEG/PackBits/CCITT compression, the floating-point predictor, orientations other than
 * top-left. Resolution tags are not read: the returned images have no `spacing`.
 *
 * Safety: the whole IFD chain is parsed and checked before any pixel buffer is allocated — every
 * strip/tile lies inside the file, uncompressed strips/tiles hold all the bytes the declared size
 * needs, and compressed data claim at most 4096 × their byte count (above LZW's and deflate's
 * largest possible expansion), so a corrupt size field cannot make the reader allocate more than
 * that. Errors of the `tiff` decoder are rethrown as RangeError naming `bytes`.
 *
 * @param bytes - The file's contents (Uint8Array, Node Buffer or ArrayBuffer).
 * @param options - See {@link ReadTiffOptions}.
 * @returns With `as: 'stack'` one image (2D, or 3D `[pages, height, width]`); with `as: 'pages'`
 *   an array of 2D images. `channels` is the TIFF's samples per pixel.
 * @throws TypeError if `bytes` is not binary data or `options` is not an object.
 * @throws RangeError if the data are not a TIFF file, are truncated or inconsistent, use an
 *   unsupported feature (listed above), or, for `as: 'stack'`, the pages differ in size or type.
 *
 * @example
 * ```ts
 * import { createImage, readTiff, writeTiff } from '@intercalate/imaging';
 * const frame = createImage(new Uint16Array([0, 1000, 2000, 65535]), [2, 2]);
 * const back = readTiff(writeTiff(frame)); // a 2 × 2 Uint16Array image
 * // const stack = readTiff(readFileSync('txm-energy-scan.tif')); // 3D [energies, rows, columns]
 * ```
 */
export function readTiff(bytes: Uint8Array | ArrayBuffer, options?: { as?: 'stack' }): Image;
export function readTiff(bytes: Uint8Array | ArrayBuffer, options: { as: 'pages' }): Image[];
export function readTiff(
  bytes: Uint8Array | ArrayBuffer,
  options?: ReadTiffOptions,
): Image | Image[];
export function readTiff(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadTiffOptions = {},
): Image | Image[] {
  const data = asBytes(bytes, 'TIFF');
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const as = options.as ?? 'stack';
  if (as !== 'stack' && as !== 'pages') {
    throw new RangeError(`as must be 'stack' or 'pages'; received ${describeValue(as)}`);
  }
  const { pages, little } = parseTiff(data);
  if (as === 'pages') {
    return pages.map((page, index) => {
      const count = page.width * page.height * page.samplesPerPixel;
      const out = allocate(outputKind(page.kind), count);
      decodePage(data, little, page, index, out, 0);
      return createImage(out, [page.height, page.width], { channels: page.samplesPerPixel });
    });
  }
  const first = pages[0] as Page;
  for (let i = 1; i < pages.length; i++) {
    const page = pages[i] as Page;
    if (
      page.width !== first.width ||
      page.height !== first.height ||
      page.samplesPerPixel !== first.samplesPerPixel ||
      outputKind(page.kind) !== outputKind(first.kind)
    ) {
      throw new RangeError(
        `bytes: page ${i} (${page.width} × ${page.height}, ${page.samplesPerPixel} sample(s), ${page.kind}) differs from page 0 (${first.width} × ${first.height}, ${first.samplesPerPixel} sample(s), ${first.kind}); read it with { as: 'pages' }`,
      );
    }
  }
  const pageSamples = first.width * first.height * first.samplesPerPixel;
  if (pageSamples * pages.length > MAX_SAMPLES) {
    throw new RangeError(
      `bytes: the stack of ${pages.length} pages holds ${pageSamples * pages.length} samples, more than one typed array can (${MAX_SAMPLES}); read it with { as: 'pages' }`,
    );
  }
  const out = allocate(outputKind(first.kind), pageSamples * pages.length);
  pages.forEach((page, index) => {
    decodePage(data, little, page, index, out, index * pageSamples);
  });
  const shape =
    pages.length === 1 ? [first.height, first.width] : [pages.length, first.height, first.width];
  return createImage(out, shape, { channels: first.samplesPerPixel });
}

type OutputKind = 'uint8' | 'uint16' | 'float32' | 'float64';

function outputKind(kind: SampleKind): OutputKind {
  return kind === 'uint8' || kind === 'uint16' || kind === 'float32' || kind === 'float64'
    ? kind
    : 'float64';
}

function allocate(kind: OutputKind, length: number): PixelArray {
  switch (kind) {
    case 'uint8':
      return new Uint8Array(length);
    case 'uint16':
      return new Uint16Array(length);
    case 'float32':
      return new Float32Array(length);
    default:
      return new Float64Array(length);
  }
}

function fail(message: string): never {
  throw new RangeError(`bytes must be a valid TIFF file: ${message}`);
}

function unsupported(what: string): never {
  throw new RangeError(`bytes: unsupported TIFF feature: ${what}`);
}

/** Walks the IFD chain and checks every page's geometry against the file length. */
function parseTiff(data: Uint8Array): { pages: Page[]; little: boolean } {
  if (data.length < 8) fail(`a TIFF header needs 8 bytes; received ${data.length}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const order = view.getUint16(0, false);
  if (order !== 0x4949 && order !== 0x4d4d) {
    fail(`byte-order mark must be "II" or "MM"; received 0x${order.toString(16)}`);
  }
  const little = order === 0x4949;
  const magic = view.getUint16(2, little);
  if (magic === 43) unsupported('BigTIFF (magic 43)');
  if (magic !== 42) fail(`magic number must be 42; received ${magic}`);
  const pages: Page[] = [];
  const visited = new Set<number>();
  let offset = view.getUint32(4, little);
  while (offset !== 0) {
    if (visited.has(offset)) fail(`the IFD chain loops back to offset ${offset}`);
    visited.add(offset);
    if (offset < 8 || offset + 2 > data.length) {
      fail(`IFD offset ${offset} lies outside the file (${data.length} bytes)`);
    }
    const entries = view.getUint16(offset, little);
    const end = offset + 2 + 12 * entries;
    if (end + 4 > data.length) {
      fail(`the IFD at ${offset} with ${entries} entries runs past the end of the file`);
    }
    const tags = new Map<number, number[]>();
    for (let e = 0; e < entries; e++) {
      const at = offset + 2 + 12 * e;
      const tag = view.getUint16(at, little);
      const type = view.getUint16(at + 2, little);
      const count = view.getUint32(at + 4, little);
      const size = TYPE_SIZES[type];
      if (size === undefined || !RELEVANT_TAGS.has(tag)) continue;
      const byteLength = size * count;
      const valueAt = byteLength <= 4 ? at + 8 : view.getUint32(at + 8, little);
      if (valueAt + byteLength > data.length) {
        fail(`tag ${tag} claims ${count} values at offset ${valueAt}, past the end of the file`);
      }
      if (type !== 1 && type !== 3 && type !== 4) continue; // relevant tags are integers
      const values: number[] = [];
      for (let k = 0; k < count; k++) {
        values.push(
          type === 1
            ? view.getUint8(valueAt + k)
            : type === 3
              ? view.getUint16(valueAt + 2 * k, little)
              : view.getUint32(valueAt + 4 * k, little),
        );
      }
      tags.set(tag, values);
    }
    pages.push(readPage(tags, pages.length, data.length));
    offset = view.getUint32(end, little);
  }
  if (pages.length === 0) fail('the file has no image (first IFD offset is 0)');
  return { pages, little };
}

const RELEVANT_TAGS = new Set([
  256, 257, 258, 259, 262, 273, 274, 277, 278, 279, 284, 317, 322, 323, 324, 325, 339,
]);

function readPage(tags: Map<number, number[]>, index: number, fileLength: number): Page {
  const one = (tag: number, name: string, fallback?: number): number => {
    const values = tags.get(tag);
    if (values === undefined || values.length === 0) {
      if (fallback === undefined) fail(`page ${index} lacks the required ${name} tag (${tag})`);
      return fallback;
    }
    return values[0] as number;
  };
  const width = one(256, 'ImageWidth');
  const height = one(257, 'ImageLength');
  if (width < 1 || height < 1) fail(`page ${index} has size ${width} × ${height}`);
  const samplesPerPixel = one(277, 'SamplesPerPixel', 1);
  if (samplesPerPixel < 1) fail(`page ${index} has ${samplesPerPixel} samples per pixel`);
  const bits = tags.get(258) ?? [1];
  const bitsPerSample = bits[0] as number;
  if (bits.some((b) => b !== bitsPerSample)) {
    unsupported(`different bit depths per sample (${bits.join(', ')})`);
  }
  const formats = tags.get(339) ?? [1];
  const sampleFormat = formats[0] as number;
  if (formats.some((f) => f !== sampleFormat)) unsupported('different sample formats per sample');
  const kind = sampleKind(bitsPerSample, sampleFormat);
  const compression = one(259, 'Compression', 1);
  if (compression !== 1 && compression !== 5 && compression !== 8 && compression !== 32946) {
    unsupported(`compression ${compression} (supported: none 1, LZW 5, deflate 8/32946)`);
  }
  const photometric = one(262, 'PhotometricInterpretation', samplesPerPixel >= 3 ? 2 : 1);
  if (photometric !== 0 && photometric !== 1 && photometric !== 2) {
    unsupported(
      `photometric interpretation ${photometric} (supported: WhiteIsZero 0, BlackIsZero 1, RGB 2; palette, CMYK and YCbCr are not)`,
    );
  }
  if (photometric === 0 && kind !== 'uint8' && kind !== 'uint16') {
    unsupported(`WhiteIsZero with ${kind} samples`);
  }
  const orientation = one(274, 'Orientation', 1);
  if (orientation !== 1) unsupported(`orientation ${orientation} (only 1, top-left)`);
  const planar = one(284, 'PlanarConfiguration', 1) === 2 && samplesPerPixel > 1;
  const predictor = one(317, 'Predictor', 1);
  if (predictor !== 1 && !(predictor === 2 && (kind === 'uint8' || kind === 'uint16'))) {
    unsupported(`predictor ${predictor} with ${kind} samples`);
  }
  const tiled = tags.has(322) || tags.has(324);
  const blockWidth = tiled ? one(322, 'TileWidth') : width;
  const blockHeight = tiled
    ? one(323, 'TileLength')
    : Math.min(one(278, 'RowsPerStrip', height), height);
  if (blockWidth < 1 || blockHeight < 1)
    fail(`page ${index} has blocks of ${blockWidth} × ${blockHeight}`);
  const offsets = tags.get(tiled ? 324 : 273);
  const byteCounts = tags.get(tiled ? 325 : 279);
  if (offsets === undefined || byteCounts === undefined) {
    fail(
      `page ${index} lacks its ${tiled ? 'TileOffsets/TileByteCounts' : 'StripOffsets/StripByteCounts'} tags`,
    );
  }
  const blocksPerPlane = tiled
    ? Math.ceil(width / blockWidth) * Math.ceil(height / blockHeight)
    : Math.ceil(height / blockHeight);
  // planar data: one set of strips/tiles per sample, plane after plane
  const blocks = blocksPerPlane * (planar ? samplesPerPixel : 1);
  const blockSamples = planar ? 1 : samplesPerPixel;
  if (offsets.length !== blocks || byteCounts.length !== blocks) {
    fail(
      `page ${index} needs ${blocks} ${tiled ? 'tiles' : 'strips'}; the file lists ${offsets.length} offsets and ${byteCounts.length} byte counts`,
    );
  }
  const bytesPerSample = bitsPerSample / 8;
  const samples = width * height * samplesPerPixel;
  if (samples > MAX_SAMPLES) {
    fail(
      `page ${index} declares ${width} × ${height} × ${samplesPerPixel} samples, more than a typed array can hold`,
    );
  }
  const blockBytes = blockWidth * blockHeight * blockSamples * bytesPerSample;
  let total = 0;
  for (let b = 0; b < blocks; b++) {
    const start = offsets[b] as number;
    const count = byteCounts[b] as number;
    if (start + count > fileLength) {
      fail(
        `page ${index}: ${tiled ? 'tile' : 'strip'} ${b} (${count} bytes at ${start}) runs past the end of the file (${fileLength} bytes)`,
      );
    }
    if (compression === 1) {
      const local = b % blocksPerPlane;
      const rows = tiled ? blockHeight : Math.min(blockHeight, height - local * blockHeight);
      const needed = tiled ? blockBytes : rows * width * blockSamples * bytesPerSample;
      if (count < needed) {
        fail(
          `page ${index}: ${tiled ? 'tile' : 'strip'} ${b} holds ${count} bytes; its size needs ${needed}`,
        );
      }
    }
    total += count;
  }
  if (compression !== 1 && samples * bytesPerSample > MAX_EXPANSION * total) {
    fail(
      `page ${index} declares ${samples * bytesPerSample} bytes of pixels but holds only ${total} compressed bytes (more than ${MAX_EXPANSION}× expansion)`,
    );
  }
  if (
    compression !== 1 &&
    !(kind === 'uint8' || kind === 'uint16' || kind === 'float32' || kind === 'float64')
  ) {
    unsupported(`compressed ${kind} samples (only uncompressed ones are read)`);
  }
  if (compression !== 1 && tiled && samplesPerPixel > 1) {
    unsupported('compressed multi-sample tiles');
  }
  if (compression !== 1 && planar) unsupported('compressed planar (non-interleaved) samples');
  return {
    width,
    height,
    samplesPerPixel,
    kind,
    bytesPerSample,
    compression,
    predictor,
    photometric,
    tiled,
    planar,
    blockWidth,
    blockHeight,
    offsets,
    byteCounts,
  };
}

function sampleKind(bits: number, format: number): SampleKind {
  if (format === 3) {
    if (bits === 32) return 'float32';
    if (bits === 64) return 'float64';
  } else if (format === 1 || format === 4) {
    if (bits === 8) return 'uint8';
    if (bits === 16) return 'uint16';
    if (bits === 32) return 'uint32';
  } else if (format === 2) {
    if (bits === 8) return 'int8';
    if (bits === 16) return 'int16';
    if (bits === 32) return 'int32';
  }
  return unsupported(`${bits}-bit samples of sample format ${format}`);
}

function decodePage(
  data: Uint8Array,
  little: boolean,
  page: Page,
  index: number,
  out: PixelArray,
  outOffset: number,
): void {
  const count = page.width * page.height * page.samplesPerPixel;
  if (page.compression === 1 && page.predictor === 1) {
    decodeUncompressed(data, little, page, out, outOffset);
  } else {
    let decoded: ArrayLike<number>;
    try {
      const ifd = decodeTiffLibrary(data, { pages: [index] })[0];
      if (ifd === undefined) throw new Error(`page ${index} not found`);
      decoded = ifd.data as ArrayLike<number>;
    } catch (error) {
      throw corrupt('TIFF', error);
    }
    if (decoded.length !== count) {
      fail(`page ${index} decoded to ${decoded.length} samples instead of ${count}`);
    }
    out.set(decoded, outOffset);
    return; // the tiff package already inverts WhiteIsZero
  }
  if (page.photometric === 0) {
    const max = page.kind === 'uint8' ? 255 : 65535;
    for (let i = outOffset; i < outOffset + count; i++) out[i] = max - (out[i] as number);
  }
}

/** Copies the strips or tiles starting at `offsets` into `target` (rows of width × pixelBytes). */
function copyBlocks(
  data: Uint8Array,
  page: Page,
  offsets: readonly number[],
  pixelBytes: number,
  target: Uint8Array,
): void {
  const { width, height, blockWidth, blockHeight } = page;
  const rowBytes = width * pixelBytes;
  if (!page.tiled) {
    for (let b = 0; b < offsets.length; b++) {
      const rows = Math.min(blockHeight, height - b * blockHeight);
      const start = offsets[b] as number;
      target.set(data.subarray(start, start + rows * rowBytes), b * blockHeight * rowBytes);
    }
    return;
  }
  const across = Math.ceil(width / blockWidth);
  const tileRowBytes = blockWidth * pixelBytes;
  for (let b = 0; b < offsets.length; b++) {
    const x0 = (b % across) * blockWidth;
    const y0 = Math.floor(b / across) * blockHeight;
    const copyBytes = Math.min(blockWidth, width - x0) * pixelBytes;
    const start = offsets[b] as number;
    for (let r = 0; r < blockHeight && y0 + r < height; r++) {
      const from = start + r * tileRowBytes;
      target.set(data.subarray(from, from + copyBytes), (y0 + r) * rowBytes + x0 * pixelBytes);
    }
  }
}

/** Copies strips/tiles into a contiguous raw buffer, then converts the samples. */
function decodeUncompressed(
  data: Uint8Array,
  little: boolean,
  page: Page,
  out: PixelArray,
  outOffset: number,
): void {
  const { width, height, samplesPerPixel, bytesPerSample, offsets } = page;
  const pixelBytes = samplesPerPixel * bytesPerSample;
  let raw: Uint8Array;
  if (!page.planar) {
    raw = new Uint8Array(width * height * pixelBytes);
    copyBlocks(data, page, offsets, pixelBytes, raw);
  } else {
    // one plane per sample, then interleave the samples (channels last)
    raw = new Uint8Array(width * height * pixelBytes);
    const planeBytes = width * height * bytesPerSample;
    const plane = new Uint8Array(planeBytes);
    const perPlane = offsets.length / samplesPerPixel;
    for (let sample = 0; sample < samplesPerPixel; sample++) {
      copyBlocks(
        data,
        page,
        offsets.slice(sample * perPlane, (sample + 1) * perPlane),
        bytesPerSample,
        plane,
      );
      for (let p = 0, from = 0; from < planeBytes; p++, from += bytesPerSample) {
        const to = p * pixelBytes + sample * bytesPerSample;
        for (let k = 0; k < bytesPerSample; k++) raw[to + k] = plane[from + k] as number;
      }
    }
  }
  const count = width * height * samplesPerPixel;
  if (bytesPerSample > 1 && little !== LITTLE_ENDIAN_PLATFORM) {
    for (let i = 0; i < raw.length; i += bytesPerSample)
      raw.subarray(i, i + bytesPerSample).reverse();
  }
  const buffer = raw.buffer;
  let samples: ArrayLike<number>;
  switch (page.kind) {
    case 'uint8':
      samples = raw;
      break;
    case 'uint16':
      samples = new Uint16Array(buffer, 0, count);
      break;
    case 'float32':
      samples = new Float32Array(buffer, 0, count);
      break;
    case 'float64':
      samples = new Float64Array(buffer, 0, count);
      break;
    case 'int8':
      samples = new Int8Array(buffer, 0, count);
      break;
    case 'int16':
      samples = new Int16Array(buffer, 0, count);
      break;
    case 'int32':
      samples = new Int32Array(buffer, 0, count);
      break;
    default:
      samples = new Uint32Array(buffer, 0, count);
  }
  out.set(samples, outOffset);
}

/**
 * Encodes an {@link Image} as an uncompressed, little-endian baseline TIFF that tifffile, ImageJ/
 * Fiji, scikit-image and {@link readTiff} read back bit for bit.
 *
 * A 2D image becomes one page; a 3D image `[depth, height, width]` becomes `depth` pages (a stack
 * or series). Samples keep their type: Uint8Array → 8-bit unsigned, Uint16Array → 16-bit unsigned,
 * Float32Array → 32-bit IEEE float, Float64Array → 64-bit IEEE float (SampleFormat 1 or 3). One
 * channel is written as BlackIsZero grey, 2 channels as grey + alpha, 3 as RGB, 4 as RGB + alpha
 * (unassociated), more as RGB + unspecified extra samples; samples are interleaved (chunky), one
 * strip per page. `spacing` is not written.
 *
 * @param image - The image to encode.
 * @returns The file's bytes.
 * @throws TypeError if `image` is not an image.
 * @throws RangeError if the image is malformed or the file would exceed the 4 GiB classic-TIFF
 *   limit.
 *
 * @example
 * ```ts
 * import { createImage, writeTiff } from '@intercalate/imaging';
 * const bytes = writeTiff(createImage(new Float32Array([0.5, 1.5, 2.5, 3.5]), [2, 2]));
 * // writeFileSync('map.tif', bytes)
 * ```
 */
export function writeTiff(image: Image): Uint8Array {
  const checked = assertImage('image', image);
  const { data, shape, channels } = checked;
  const depth = shape.length === 3 ? (shape[0] as number) : 1;
  const height = shape[shape.length - 2] as number;
  const width = shape[shape.length - 1] as number;
  const bytesPerSample = data.BYTES_PER_ELEMENT;
  const sampleFormat = data instanceof Float32Array || data instanceof Float64Array ? 3 : 1;
  const pageSamples = width * height * channels;
  const pageBytes = pageSamples * bytesPerSample;
  const photometric = channels >= 3 ? 2 : 1;
  const extra = channels - (channels >= 3 ? 3 : 1);
  const extraKind = channels === 2 || channels === 4 ? 2 : 0;
  const entries = 11 + (extra > 0 ? 1 : 0);
  const arrayBytes = channels > 2 ? 2 * channels : 0; // BitsPerSample, SampleFormat out of line
  const extraBytes = extra > 2 ? 2 * extra : 0;
  const ifdBytes = 2 + 12 * entries + 4;
  const align = (n: number) => Math.ceil(n / 8) * 8;
  const pageSpan = align(pageBytes) + align(ifdBytes + 2 * arrayBytes + extraBytes);
  const total = 8 + depth * pageSpan;
  if (total > 2 ** 32 - 1) {
    throw new RangeError(
      `image is too large for a classic TIFF file (${total} bytes > 4 GiB); write it in parts`,
    );
  }
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0x4949, false);
  view.setUint16(2, 42, true);
  view.setUint32(4, 8 + align(pageBytes), true);
  const source = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  for (let z = 0; z < depth; z++) {
    const dataAt = 8 + z * pageSpan;
    const ifdAt = dataAt + align(pageBytes);
    if (LITTLE_ENDIAN_PLATFORM) {
      bytes.set(source.subarray(z * pageBytes, (z + 1) * pageBytes), dataAt);
    } else {
      writeSwapped(view, data, z * pageSamples, pageSamples, dataAt);
    }
    let arraysAt = ifdAt + ifdBytes;
    const shortArray = (values: number[]): [number, number] => {
      if (values.length <= 2) {
        return [values.length, (values[0] ?? 0) | ((values[1] ?? 0) << 16)];
      }
      const at = arraysAt;
      values.forEach((v, k) => {
        view.setUint16(at + 2 * k, v, true);
      });
      arraysAt += 2 * values.length;
      return [values.length, at];
    };
    const bits = shortArray(new Array(channels).fill(bytesPerSample * 8));
    const formats = shortArray(new Array(channels).fill(sampleFormat));
    const extras =
      extra > 0
        ? shortArray(new Array(extra).fill(0).map((_, k) => (k === 0 ? extraKind : 0)))
        : undefined;
    // [tag, type, count, value]; type 3 = SHORT, 4 = LONG; sorted by tag as TIFF requires.
    const list: [number, number, number, number][] = [
      [256, 4, 1, width],
      [257, 4, 1, height],
      [258, 3, bits[0], bits[1]],
      [259, 3, 1, 1],
      [262, 3, 1, photometric],
      [273, 4, 1, dataAt],
      [277, 3, 1, channels],
      [278, 4, 1, height],
      [279, 4, 1, pageBytes],
      [284, 3, 1, 1],
    ];
    if (extras) list.push([338, 3, extras[0], extras[1]]);
    list.push([339, 3, formats[0], formats[1]]);
    view.setUint16(ifdAt, list.length, true);
    list.forEach(([tag, type, count, value], k) => {
      const at = ifdAt + 2 + 12 * k;
      view.setUint16(at, tag, true);
      view.setUint16(at + 2, type, true);
      view.setUint32(at + 4, count, true);
      if (type === 3 && count === 1) view.setUint16(at + 8, value, true);
      else view.setUint32(at + 8, value, true);
    });
    const next = z + 1 < depth ? ifdAt + pageSpan : 0;
    view.setUint32(ifdAt + 2 + 12 * list.length, next, true);
  }
  return bytes;
}

function writeSwapped(
  view: DataView,
  data: PixelArray,
  from: number,
  count: number,
  at: number,
): void {
  for (let i = 0; i < count; i++) {
    const v = data[from + i] as number;
    if (data instanceof Uint8Array) view.setUint8(at + i, v);
    else if (data instanceof Uint16Array) view.setUint16(at + 2 * i, v, true);
    else if (data instanceof Float32Array) view.setFloat32(at + 4 * i, v, true);
    else view.setFloat64(at + 8 * i, v, true);
  }
}
