import {
  convertIndexedToRgb,
  decode as decodePngLibrary,
  encode as encodePngLibrary,
} from 'fast-png';
import { asBytes, corrupt } from './bytes.js';
import { assertImage, createImage, type Image } from './image.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** deflate's largest expansion is 1032:1; a little slack for the zlib header and tiny streams. */
const MAX_EXPANSION = 1032;

function fail(message: string): never {
  throw new RangeError(`bytes must be a valid PNG file: ${message}`);
}

/**
 * Reads a PNG file (through `fast-png`, after checking its header) into a 2D {@link Image}.
 *
 * Samples are returned as stored: 8-bit and lower depths → Uint8Array (1-, 2- and 4-bit grey
 * unpacked to one sample per pixel with values 0 … 2ᵇ − 1, not rescaled), 16-bit → Uint16Array.
 * Channels: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA; palette images are expanded to RGB (or RGBA
 * when the palette has transparency). Gamma, ICC profiles and physical pixel size (pHYs) are not
 * applied; `spacing` is left undefined. Animated PNGs return their default image.
 *
 * Safety: the IHDR header and the chunk lengths are checked first, and the image is rejected
 * before decoding when its raw size exceeds 1032 × the compressed IDAT bytes (deflate's largest
 * expansion), so a forged width or height cannot make the reader allocate. Errors of the decoder
 * (bad CRC, corrupt zlib stream) are rethrown as RangeError naming `bytes`.
 *
 * @param bytes - The file's contents (Uint8Array, Node Buffer or ArrayBuffer).
 * @returns The image, shape `[height, width]`, with 1 to 4 channels.
 * @throws TypeError if `bytes` is not binary data.
 * @throws RangeError if the data are not a PNG file, are truncated or corrupt.
 *
 * @example
 * ```ts
 * import { createImage, readPng, writePng } from '@intercalate/imaging';
 * const rgb = createImage(new Uint8Array([255, 0, 0, 0, 255, 0]), [1, 2], { channels: 3 });
 * readPng(writePng(rgb)).data; // Uint8Array [255, 0, 0, 0, 255, 0]
 * ```
 */
export function readPng(bytes: Uint8Array | ArrayBuffer): Image {
  const data = asBytes(bytes, 'PNG');
  if (data.length < 8 + 25) fail(`a PNG needs at least 33 bytes; received ${data.length}`);
  for (let i = 0; i < 8; i++) {
    if (data[i] !== SIGNATURE[i]) fail('the 8-byte PNG signature is missing');
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(8) !== 13 || view.getUint32(12) !== 0x49484452) {
    fail('the first chunk must be a 13-byte IHDR');
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = data[24] as number;
  const colorType = data[25] as number;
  const channels = CHANNELS[colorType];
  if (width < 1 || height < 1 || width > 2 ** 31 - 1 || height > 2 ** 31 - 1) {
    fail(`IHDR size ${width} × ${height} is out of range`);
  }
  if (channels === undefined) fail(`IHDR colour type ${colorType} is not 0, 2, 3, 4 or 6`);
  const depths = colorType === 0 ? [1, 2, 4, 8, 16] : colorType === 3 ? [1, 2, 4, 8] : [8, 16];
  if (!depths.includes(depth))
    fail(`bit depth ${depth} is not allowed for colour type ${colorType}`);
  // Sum the IDAT lengths, checking each chunk fits in the file.
  let at = 8;
  let compressed = 0;
  while (at + 12 <= data.length) {
    const length = view.getUint32(at);
    const type = view.getUint32(at + 4);
    if (at + 12 + length > data.length) {
      fail(`chunk at byte ${at} declares ${length} bytes, past the end of the file`);
    }
    if (type === 0x49444154) compressed += length; // 'IDAT'
    if (type === 0x49454e44) break; // 'IEND'
    at += 12 + length;
  }
  if (compressed === 0) fail('no IDAT chunk (image data) found');
  const rawBytes = height * (1 + Math.ceil((width * channels * depth) / 8));
  if (rawBytes > MAX_EXPANSION * compressed + 1024) {
    fail(
      `IHDR declares ${width} × ${height} pixels (${rawBytes} raw bytes) but the file holds only ${compressed} compressed bytes`,
    );
  }
  let decoded: ReturnType<typeof decodePngLibrary>;
  try {
    decoded = decodePngLibrary(data);
  } catch (error) {
    throw corrupt('PNG', error);
  }
  if (decoded.width !== width || decoded.height !== height) {
    fail(`decoded size ${decoded.width} × ${decoded.height} differs from IHDR`);
  }
  if (decoded.palette !== undefined) {
    let rgb: Uint8Array;
    try {
      rgb = convertIndexedToRgb(decoded);
    } catch (error) {
      throw corrupt('PNG', error);
    }
    const perPixel = rgb.length / (width * height);
    if (perPixel !== 3 && perPixel !== 4) fail('palette expansion gave an unexpected size');
    return createImage(new Uint8Array(rgb.buffer, rgb.byteOffset, rgb.length), [height, width], {
      channels: perPixel,
    });
  }
  const samples = width * height * channels;
  if (decoded.depth === 16) {
    const out = decoded.data instanceof Uint16Array ? decoded.data : Uint16Array.from(decoded.data);
    if (out.length !== samples) fail(`decoded ${out.length} samples instead of ${samples}`);
    return createImage(out, [height, width], { channels });
  }
  if (decoded.depth === 8) {
    const source = decoded.data;
    const out = new Uint8Array(source.buffer, source.byteOffset, source.length);
    if (out.length !== samples) fail(`decoded ${out.length} samples instead of ${samples}`);
    return createImage(out, [height, width], { channels });
  }
  // 1-, 2-, 4-bit grey: rows are packed, each row starting on a byte boundary.
  const packed = decoded.data;
  const bitsPerRow = Math.ceil((width * depth) / 8) * 8;
  if (packed.length * 8 < bitsPerRow * height) fail('decoded data are shorter than the image');
  const out = new Uint8Array(samples);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = y * bitsPerRow + x * depth;
      out[y * width + x] = ((packed[bit >> 3] as number) >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return createImage(out, [height, width]);
}

/**
 * Encodes a 2D Uint8Array or Uint16Array {@link Image} with 1 (grey), 2 (grey + alpha), 3 (RGB) or
 * 4 (RGBA) channels as a PNG (8- or 16-bit, deflate, through `fast-png`). Float images must be
 * scaled to integers first (PNG has no float samples); use {@link writeTiff} to keep them.
 *
 * @param image - The image to encode.
 * @returns The file's bytes.
 * @throws TypeError if `image` is not an image.
 * @throws RangeError if the image is 3D, has float samples or more than 4 channels.
 *
 * @example
 * ```ts
 * import { createImage, writePng } from '@intercalate/imaging';
 * const mask = createImage(new Uint8Array([0, 255, 255, 0]), [2, 2]);
 * const bytes = writePng(mask); // writeFileSync('mask.png', bytes)
 * ```
 */
export function writePng(image: Image): Uint8Array {
  const checked = assertImage('image', image, { dimensions: [2] });
  const { data, shape, channels } = checked;
  if (!(data instanceof Uint8Array || data instanceof Uint16Array)) {
    throw new RangeError(
      `image must hold Uint8Array or Uint16Array samples for PNG; received ${data.constructor.name} (scale it to integers, or use writeTiff)`,
    );
  }
  if (channels > 4) {
    throw new RangeError(`image must have 1 to 4 channels for PNG; received ${channels}`);
  }
  return encodePngLibrary({
    width: shape[1] as number,
    height: shape[0] as number,
    data,
    depth: data instanceof Uint16Array ? 16 : 8,
    channels,
  });
}
