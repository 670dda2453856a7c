import type { PixelArray } from './image.js';

/**
 * Internal: run-based connected-component labelling of a binary mask, the engine of `label`.
 *
 * 1. One raster pass over the mask finds the runs of foreground samples along x (nonzero, NaN
 *    included). A run is a node of a union-find table; nodes are numbered in raster order.
 * 2. Each new run is joined to the runs of the already-scanned neighbour rows it touches, found
 *    by a merge of the two sorted run lists: one union per touching run pair instead of one per
 *    voxel and neighbour. Roots always link to the smaller node (path halving on finds), so the
 *    root of a region is its first run in raster order.
 * 3. Roots get the final numbers 1, 2, … in node order, i.e. in raster order of each region's
 *    first pixel (scikit-image's and scipy's numbering), and one write pass fills every run with
 *    its number (and, for a reused buffer, the gaps with 0).
 *
 * Which neighbour rows and how far a run reaches along x follow from the connectivity (the
 * largest number of orthogonal hops): the row at (dz, dy) is a neighbour when |dz| + |dy| ≤
 * connectivity, and there a run touches the x-range widened by one on each side when
 * |dz| + |dy| + 1 ≤ connectivity (diagonal contact), otherwise only overlapping x-ranges touch.
 *
 * The mask is read once (a Uint8Array sixteen or four samples at a time through a 32-bit view
 * where the background is long) and the labels are written once, block by block: the memory
 * traffic is that of one sweep, and the work beyond it is proportional to the number of runs.
 *
 * @param data - The mask samples, `depth · height · width` of them in C order.
 * @param labels - Destination, length `depth · height · width`.
 * @param clear - Whether the background of `labels` must be written (0); a new buffer is zeroed.
 * @param onPlane - Called after each plane z of the scan with z + 1 (progress, cancellation).
 * @returns The number of regions.
 */
export function labelRuns(
  data: PixelArray,
  depth: number,
  height: number,
  width: number,
  connectivity: number,
  labels: Int32Array,
  clear: boolean,
  onPlane: (done: number) => void,
): number {
  const plane = height * width;
  const n = depth * plane;
  // Neighbour rows already scanned: (dz, dy) with its reach along x (0 or 1).
  const rows: Int32Array[] = [];
  for (const [dz, dy] of [
    [0, -1],
    [-1, -1],
    [-1, 0],
    [-1, 1],
  ] as const) {
    if (depth === 1 && dz !== 0) continue;
    const hops = -dz + Math.abs(dy);
    if (hops <= connectivity) rows.push(Int32Array.of(dz, dy, hops + 1 <= connectivity ? 1 : 0));
  }
  // At most ⌈width / 2⌉ runs per row; the tables grow by doubling up to that bound.
  const rowCapacity = (width + 1) >> 1;
  const capacity = Math.min(
    depth * height * rowCapacity,
    Math.max(1024, rowCapacity * 4, Math.ceil(n / 64)),
  );
  const bytes = data instanceof Uint8Array && data.byteOffset % 4 === 0 ? data : undefined;
  const scan: Scan = {
    data,
    bytes,
    words: bytes && new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2),
    height,
    width,
    rows,
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    parent: new Int32Array(capacity),
    runs: 0,
    maxRuns: depth * height * rowCapacity,
    previous: new Int32Array(height + 1),
    current: new Int32Array(height + 1),
    scratch: new Int32Array(2 * rowCapacity),
    cursor: new Int32Array(4),
    limit: new Int32Array(4),
    shifts: new Int32Array(4),
    reaches: new Int32Array(4),
  };
  // The work is split into functions called many times (per plane, per block), so that the
  // JIT optimizes them with complete type feedback early in the first call.
  for (let z = 0; z < depth; z++) {
    scanPlane(scan, z);
    onPlane(z + 1);
  }
  const { starts, ends, parent, runs } = scan;

  // Final numbers: a root (parent = itself) opens the next number; any other node takes its
  // parent's number, already final because parents precede their children.
  let count = 0;
  for (let k = 0; k < runs; k++) {
    const p = parent[k] as number;
    parent[k] = p === k ? ++count : (parent[p] as number);
  }
  // Written block by block of about 256 KiB: a reused buffer's block is cleared by a fill (a
  // memset, far cheaper than a store per sample), then its runs are written while the block is
  // still in cache.
  const block = Math.max(1, Math.floor(BLOCK / width)) * width;
  let k = 0;
  for (let from = 0; from < n; from += block) {
    const to = Math.min(n, from + block);
    if (clear) labels.fill(0, from, to);
    k = writeRuns(labels, starts, ends, parent, k, runs, to);
  }
  return count;
}

/** State of the scan of {@link labelRuns}. */
interface Scan {
  /** The mask, and the same as bytes and 32-bit words when it is an aligned Uint8Array. */
  data: PixelArray;
  bytes: Uint8Array | undefined;
  words: Uint32Array | undefined;
  height: number;
  width: number;
  /** Neighbour rows: (dz, dy, reach) each. */
  rows: Int32Array[];
  /** Runs: absolute index of the first sample, one past the last, union-find parent. */
  starts: Int32Array;
  ends: Int32Array;
  parent: Int32Array;
  runs: number;
  maxRuns: number;
  /** Runs of each row of the previous and of the current plane: row y is [first[y], first[y+1]). */
  previous: Int32Array;
  current: Int32Array;
  /** Runs of the current row as x pairs, and the neighbour rows of {@link joinRow}. */
  scratch: Int32Array;
  cursor: Int32Array;
  limit: Int32Array;
  shifts: Int32Array;
  reaches: Int32Array;
}

/** Scans plane z: finds the runs of each row and joins them to their neighbour rows' runs. */
function scanPlane(scan: Scan, z: number): void {
  const { data, bytes, words, height, width, rows, scratch, cursor, limit, shifts, reaches } = scan;
  const plane = height * width;
  const { previous, current } = scan;
  let { starts, ends, parent, runs } = scan;
  for (let y = 0; y < height; y++) {
    const rowStart = z * plane + y * width;
    current[y] = runs;
    const found =
      words !== undefined
        ? rowRunsBytes(bytes as Uint8Array, words, rowStart, width, scratch)
        : rowRunsAny(data, rowStart, width, scratch);
    if (found === 0) continue;
    if (runs + found > starts.length) {
      const capacity = Math.min(scan.maxRuns, Math.max(2 * starts.length, runs + found));
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      parent = grow(parent, capacity);
    }
    const first = runs;
    for (let k = 0; k < found; k++) {
      starts[runs] = rowStart + (scratch[2 * k] as number);
      ends[runs] = rowStart + (scratch[2 * k + 1] as number);
      parent[runs] = runs;
      runs++;
    }
    // The neighbour rows that exist and hold runs: their run ranges, shifts and reaches.
    let neighbours = 0;
    for (let q = 0; q < rows.length; q++) {
      const row = rows[q] as Int32Array;
      const dz = row[0] as number;
      const dy = row[1] as number;
      const yy = y + dy;
      if (yy < 0 || yy >= height || z + dz < 0) continue;
      const table = dz === 0 ? current : previous;
      const from = table[yy] as number;
      const to = table[yy + 1] as number;
      if (from === to) continue;
      cursor[neighbours] = from;
      limit[neighbours] = to;
      shifts[neighbours] = -dz * plane - dy * width;
      reaches[neighbours] = row[2] as number;
      neighbours++;
    }
    if (neighbours > 0) {
      joinRow(parent, starts, ends, first, runs, neighbours, cursor, limit, shifts, reaches);
    }
  }
  current[height] = runs;
  scan.previous = current;
  scan.current = previous;
  scan.starts = starts;
  scan.ends = ends;
  scan.parent = parent;
  scan.runs = runs;
}

/** Writes the final labels of runs k, k + 1, … that start before `to`; returns the next run. */
function writeRuns(
  labels: Int32Array,
  starts: Int32Array,
  ends: Int32Array,
  numbers: Int32Array,
  k: number,
  runs: number,
  to: number,
): number {
  let next = k;
  for (; next < runs && (starts[next] as number) < to; next++) {
    fillRange(labels, numbers[next] as number, starts[next] as number, ends[next] as number);
  }
  return next;
}

/** Samples per block of the final write (256 KiB of labels). */
const BLOCK = 1 << 16;

/** Copies `array` into a new Int32Array of `capacity` elements. */
function grow(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(capacity);
  grown.set(array);
  return grown;
}

/** labels[from … to − 1] = value; short ranges by a loop (a call to fill costs more there). */
function fillRange(labels: Int32Array, value: number, from: number, to: number): void {
  if (to - from < 24) {
    for (let i = from; i < to; i++) labels[i] = value;
  } else {
    labels.fill(value, from, to);
  }
}

/**
 * Unions every run of the current row [a0, a1) with the runs it touches in the neighbour rows q
 * (runs [cursor[q], limit[q]), shift[q] moving the row onto the current one, reach[q] 0 or 1):
 * run [s, e) and neighbour run [s', e') (absolute indices) touch when s' + shift < e + reach and
 * s < e' + shift + reach. All lists are sorted by x, so one forward cursor per row suffices;
 * `cursor` is advanced in place.
 */
function joinRow(
  parent: Int32Array,
  starts: Int32Array,
  ends: Int32Array,
  a0: number,
  a1: number,
  neighbours: number,
  cursor: Int32Array,
  limit: Int32Array,
  shifts: Int32Array,
  reaches: Int32Array,
): void {
  for (let a = a0; a < a1; a++) {
    const start = starts[a] as number;
    const end = ends[a] as number;
    let root = a; // a is new: its own root until joined
    for (let q = 0; q < neighbours; q++) {
      const shift = shifts[q] as number;
      const reach = reaches[q] as number;
      const b1 = limit[q] as number;
      let j = cursor[q] as number;
      // Neighbour runs ending at or before start − reach touch neither this run nor later ones.
      while (j < b1 && (ends[j] as number) + shift + reach <= start) j++;
      cursor[q] = j;
      for (let k = j; k < b1 && (starts[k] as number) + shift < end + reach; k++) {
        let other = k;
        while (parent[other] !== other) {
          const grand = parent[parent[other] as number] as number;
          parent[other] = grand;
          other = grand;
        }
        if (other < root) {
          parent[root] = other;
          root = other;
        } else if (root < other) {
          parent[other] = root;
        }
      }
    }
  }
}

/**
 * Runs of nonzero samples of the row [rowStart, rowStart + width) of a Uint8Array, written to
 * `out` as x-pairs [start, end); `words` is a 32-bit view of the same bytes (aligned), used to
 * skip four background samples at a time. Returns the number of runs.
 */
function rowRunsBytes(
  bytes: Uint8Array,
  words: Uint32Array,
  rowStart: number,
  width: number,
  out: Int32Array,
): number {
  const rowEnd = rowStart + width;
  const wordEnd = words.length << 2;
  let found = 0;
  let i = rowStart;
  while (i < rowEnd) {
    // Background: bytes up to a word boundary, whole zero words, then bytes.
    while (i < rowEnd && (i & 3) !== 0 && bytes[i] === 0) i++;
    if ((i & 3) === 0) {
      // Sixteen samples per test (one branch), then four.
      while (i + 16 <= rowEnd && i + 16 <= wordEnd) {
        const w = i >> 2;
        if (
          ((words[w] as number) |
            (words[w + 1] as number) |
            (words[w + 2] as number) |
            (words[w + 3] as number)) !==
          0
        )
          break;
        i += 16;
      }
      while (i + 4 <= rowEnd && i < wordEnd && words[i >> 2] === 0) i += 4;
    }
    while (i < rowEnd && bytes[i] === 0) i++;
    if (i === rowEnd) break;
    const start = i;
    i++;
    while (i < rowEnd && bytes[i] !== 0) i++;
    out[2 * found] = start - rowStart;
    out[2 * found + 1] = i - rowStart;
    found++;
  }
  return found;
}

/** As {@link rowRunsBytes} for any pixel array (NaN is foreground, ±0 background). */
function rowRunsAny(data: PixelArray, rowStart: number, width: number, out: Int32Array): number {
  const rowEnd = rowStart + width;
  let found = 0;
  let i = rowStart;
  while (i < rowEnd) {
    while (i < rowEnd && data[i] === 0) i++;
    if (i === rowEnd) break;
    const start = i;
    i++;
    while (i < rowEnd && data[i] !== 0) i++;
    out[2 * found] = start - rowStart;
    out[2 * found + 1] = i - rowStart;
    found++;
  }
  return found;
}
