// Writes synthetic Bruker 1D processed data sets (1r + procs + acqus) with known content, laid out
// as TopSpin does (<expno>/acqus, <expno>/pdata/<procno>/{1r,procs}), so that tests can read them
// back exactly. The binary is encoded with Node's Buffer writers (writeInt32LE/BE,
// writeDoubleLE/BE), a different code path from the DataView reads of src/read-bruker.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Description of a synthetic data set; every parameter is written verbatim into procs/acqus. */
export interface SyntheticBruker {
  /** Raw stored values (integers for int32). */
  values: readonly number[];
  /** Storage type: DTYPP 0 (int32) or 2 (float64). */
  dataType: 'int32' | 'float64';
  /** BYTORDP 0 (little) or 1 (big). */
  byteOrder: 'little' | 'big';
  /** NC_proc: intensity = raw · 2^NC_proc. */
  ncProc: number;
  /** SF in MHz (procs). */
  sf: number;
  /** BF1 in MHz (acqus). */
  bf1: number;
  /** SR in Hz (procs), SF = BF1 + SR/1e6. */
  sr: number;
  /** SW_p in Hz (procs). */
  swp: number;
  /** OFFSET in ppm (procs). */
  offset: number;
  /** NUC1 (acqus) and AXNUC (procs). */
  nucleus: string;
  /** Replace (string) or delete (undefined) procs records by name without `$`, e.g. { SI: '9' }. */
  procs?: Record<string, string | undefined>;
}

function encode(spec: SyntheticBruker): Uint8Array {
  const size = spec.dataType === 'int32' ? 4 : 8;
  const buffer = Buffer.alloc(spec.values.length * size);
  spec.values.forEach((value, i) => {
    if (spec.dataType === 'int32') {
      if (spec.byteOrder === 'little') buffer.writeInt32LE(value, 4 * i);
      else buffer.writeInt32BE(value, 4 * i);
    } else if (spec.byteOrder === 'little') buffer.writeDoubleLE(value, 8 * i);
    else buffer.writeDoubleBE(value, 8 * i);
  });
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const header = (kind: string) => [
  '##TITLE= Parameter file, TopSpin 4.1.4',
  '##JCAMPDX= 5.0',
  '##DATATYPE= Parameter Values',
  `##NPOINTS= 7\t$$ modification sequence number (${kind})`,
  '##ORIGIN= Bruker BioSpin GmbH',
  '##OWNER= intercalate',
  '$$ 2024-05-01 12:00:00.000 +0200  synthetic test data from test/helpers/write-bruker.ts',
  '$$ /opt/topspin/data/synthetic/1/pdata/1/procs',
];

function procsText(spec: SyntheticBruker): string {
  const records: [string, string][] = [
    ['ABSF1', '1000'],
    ['AXNUC', `<${spec.nucleus}>`],
    ['BYTORDP', spec.byteOrder === 'little' ? '0' : '1'],
    ['DTYPP', spec.dataType === 'int32' ? '0' : '2'],
    ['FTSIZE', String(spec.values.length)],
    ['LB', '0.3'],
    ['MC2', '0'],
    ['NC_proc', String(spec.ncProc)],
    ['OFFSET', String(spec.offset)],
    ['PHC0', '-12.5'],
    ['PPARMOD', '0'],
    ['SF', String(spec.sf)],
    ['SI', String(spec.values.length)],
    ['SR', String(spec.sr)],
    ['STSI', '0'],
    ['STSR', '0'],
    ['SW_p', String(spec.swp)],
    ['TI', '<>'],
    ['XDIM', String(spec.values.length)],
  ];
  const overrides = spec.procs ?? {};
  const lines = header('procs');
  for (const [label, value] of records) {
    if (label in overrides) {
      const replacement = overrides[label];
      if (replacement !== undefined) lines.push(`##$${label}= ${replacement}`);
    } else {
      lines.push(`##$${label}= ${value}`);
    }
  }
  for (const [label, value] of Object.entries(overrides)) {
    if (!records.some(([known]) => known === label) && value !== undefined) {
      lines.push(`##$${label}= ${value}`);
    }
  }
  lines.push('##END=', '');
  return lines.join('\n');
}

function acqusText(spec: SyntheticBruker): string {
  const delays = Array.from({ length: 64 }, (_, i) => (i === 1 ? '2' : '0'));
  const pulses = Array.from({ length: 64 }, (_, i) => (i === 1 ? '1.5' : '0'));
  const gradients = Array.from({ length: 32 }, () => '<sine.100>');
  const lines = [
    ...header('acqus'),
    '##$AQ_mod= 3',
    `##$BF1= ${spec.bf1}`,
    '##$BF2= 300.13',
    '##$BYTORDA= 0',
    '##$D= (0..63)',
    delays.slice(0, 32).join(' '),
    delays.slice(32).join(' '),
    '##$DTYPA= 0',
    '##$GPNAM= (0..31)',
    gradients.slice(0, 16).join(' '),
    gradients.slice(16).join(' '),
    '##$MASR= 60000',
    '##$NS= 64',
    `##$NUC1= <${spec.nucleus}>`,
    '##$NUC2= <off>',
    '##$O1= 0',
    '##$P= (0..63)',
    pulses.join(' '),
    '##$PULPROG= <zg>',
    `##$SFO1= ${spec.bf1}`,
    `##$SW_h= ${spec.swp}`,
    '##$TD= 16',
    '##END=',
    '',
  ];
  return lines.join('\n');
}

/** The three file contents of a synthetic data set, as {@link readBruker} takes them. */
export function brukerFiles(spec: SyntheticBruker): {
  '1r': Uint8Array;
  procs: string;
  acqus: string;
} {
  return { '1r': encode(spec), procs: procsText(spec), acqus: acqusText(spec) };
}

/**
 * Writes the data set under `root` as `<root>/1/acqus` and `<root>/1/pdata/1/{1r,procs}` and
 * returns the experiment directory `<root>/1`.
 */
export function writeBrukerDataSet(root: string, spec: SyntheticBruker): string {
  const files = brukerFiles(spec);
  const expno = join(root, '1');
  const procno = join(expno, 'pdata', '1');
  mkdirSync(procno, { recursive: true });
  writeFileSync(join(expno, 'acqus'), files.acqus, 'latin1');
  writeFileSync(join(procno, 'procs'), files.procs, 'latin1');
  writeFileSync(join(procno, '1r'), files['1r']);
  return expno;
}
