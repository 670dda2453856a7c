#!/usr/bin/env node
// Consumer test: packs every publishable package exactly as `pnpm publish` would, installs the
// tarballs with npm into a fresh project outside the workspace, and there
//   (a) runs an ES module script that imports every package,
//   (b) runs a CommonJS script that requires every package,
//   (c) type-checks TypeScript consumers with moduleResolution NodeNext (an .mts and a .cts file)
//       and with moduleResolution Bundler.
// Any failure exits non-zero with the step that broke. Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
const keep = process.argv.includes('--keep');

// What each package must provide once installed: a call with an independently known answer
// (closed forms, restated here rather than read from the implementation), compared to 1e-12 relative.
const checks = {
  numerics: {
    call: 'variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16], { ddof: 1 })',
    imports: ['variance'],
    expected: '30',
  },
  crystallography: {
    call: 'hexagonalDSpacing(2.872, 14.2, [1, 1, 0])',
    imports: ['hexagonalDSpacing'],
    expected: String(2.872 / 2),
  },
  'strain-model': {
    call: 'heterogeneityStrain((c) => 2 + c, 0.5, 0.2)',
    imports: ['heterogeneityStrain'],
    expected: String(0.2 / 2.5),
  },
  electrochem: {
    call: 'FARADAY',
    imports: ['FARADAY'],
    expected: '96485.33212331001',
  },
  nmr: {
    call: 'ppmToHz(10, 100)',
    imports: ['ppmToHz'],
    expected: '1000',
  },
  imaging: {
    call: 'circleMask({ width: 3, height: 3, centerX: 1, centerY: 1, radius: 1.5 }).reduce((s, v) => s + v, 0)',
    imports: ['circleMask'],
    expected: '9',
  },
};

function run(command, args, options = {}) {
  return execFileSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    ...options,
  });
}

function step(title, action) {
  process.stdout.write(`consumer test: ${title} … `);
  try {
    const result = action();
    process.stdout.write('ok\n');
    return result;
  } catch (error) {
    process.stdout.write('FAILED\n');
    const detail = [error.stdout, error.stderr].filter(Boolean).join('\n') || error.message;
    console.error(`\n${title} failed:\n${detail}`);
    process.exit(1);
  }
}

const names = readdirSync(packagesDir).filter((name) =>
  existsSync(join(packagesDir, name, 'package.json')),
);
const missing = Object.keys(checks).filter((name) => !names.includes(name));
const unchecked = names.filter((name) => !(name in checks));
if (missing.length > 0 || unchecked.length > 0) {
  console.error(
    `consumer test: checks and packages disagree (missing: ${missing}, unchecked: ${unchecked})`,
  );
  process.exit(1);
}
for (const name of names) {
  if (!existsSync(join(packagesDir, name, 'dist'))) {
    console.error(`consumer test: packages/${name}/dist is missing; run \`pnpm build\` first`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'intercalate-consumer-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);

try {
  const pnpm = join(root, 'node_modules', '.bin', 'pnpm');
  const files = step(`pack ${names.length} packages with pnpm pack`, () =>
    names.map((name) => {
      const output = run(pnpm, ['pack', '--pack-destination', tarballs], {
        cwd: join(packagesDir, name),
      });
      const file = output.trim().split('\n').pop().trim();
      if (!file.endsWith('.tgz') || !existsSync(file))
        throw new Error(`pnpm pack printed no tarball:\n${output}`);
      return { name, file };
    }),
  );

  const deps = Object.fromEntries(
    files.map(({ name, file }) => [`@intercalate/${name}`, `file:${file}`]),
  );
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'intercalate-consumer', private: true, version: '0.0.0', dependencies: deps, overrides: deps }, null, 2)}\n`,
  );
  step('npm install the tarballs in a fresh project', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
      cwd: app,
    }),
  );
  step('no workspace: protocol left in the installed manifests', () => {
    for (const name of names) {
      const manifest = readFileSync(
        join(app, 'node_modules', '@intercalate', name, 'package.json'),
        'utf8',
      );
      if (manifest.includes('workspace:'))
        throw new Error(`@intercalate/${name} still says workspace:`);
    }
  });

  const assertions = (requireOrImport) =>
    Object.entries(checks)
      .map(
        ([name, { call, imports, expected }]) =>
          `{\n  const { ${imports.join(', ')} } = ${requireOrImport(`@intercalate/${name}`)};\n` +
          `  const got = ${call};\n` +
          `  if (!(Math.abs(got - ${expected}) <= 1e-12 * Math.abs(${expected}))) throw new Error('@intercalate/${name}: ${call.replaceAll("'", "\\'")} gave ' + got + ', expected ${expected}');\n}`,
      )
      .join('\n');

  writeFileSync(
    join(app, 'esm.mjs'),
    `${Object.keys(checks)
      .map((name, i) => `import * as m${i} from '@intercalate/${name}';`)
      .join('\n')}\nconst modules = { ${Object.keys(checks)
      .map((name, i) => `'@intercalate/${name}': m${i}`)
      .join(
        ', ',
      )} };\n${assertions((specifier) => `modules['${specifier}']`)}\nconsole.log('esm ok');\n`,
  );
  step('(a) ESM import', () => {
    const out = run('node', ['esm.mjs'], { cwd: app });
    if (!out.includes('esm ok')) throw new Error(out);
  });

  writeFileSync(
    join(app, 'cjs.cjs'),
    `'use strict';\n${assertions((specifier) => `require('${specifier}')`)}\nconsole.log('cjs ok');\n`,
  );
  step('(b) CJS require', () => {
    const out = run('node', ['cjs.cjs'], { cwd: app });
    if (!out.includes('cjs ok')) throw new Error(out);
  });

  // The Node-only worker-thread entry of crystallography: the worker file must ship and start from
  // both module systems. A noise-free Lorentzian walking 0.01° per pattern is fitted by
  // two workers; the fitted centres must be the generating ones (closed form, not the package's).
  const parallelScript = (load) => `${load}
const x = Float64Array.from({ length: 401 }, (_, i) => 17.5 + 0.005 * i);
const lorentz = (t, c) => 80 / (1 + ((t - c) / 0.05) ** 2) + 40;
const patterns = Array.from({ length: 6 }, (_, k) => ({ x, y: x.map((t) => lorentz(t, 18.5 - 0.01 * k)) }));
fitPatternSeriesParallel(patterns, { peaks: [{ center: 18.5, fwhm: 0.1, height: 80 }], profile: 'lorentzian', background: 'constant' }, { workers: 2 })
  .then((series) => {
    if (series.fitted !== 6) throw new Error('fitted ' + series.fitted + ' of 6');
    series.entries.forEach((entry, k) => {
      const got = entry.ok && entry.fit.peaks[0].center;
      if (!(Math.abs(got - (18.5 - 0.01 * k)) < 1e-6)) throw new Error('pattern ' + k + ': centre ' + got);
    });
    console.log('parallel ok');
  });
`;
  writeFileSync(
    join(app, 'parallel.mjs'),
    parallelScript(
      "import { fitPatternSeriesParallel } from '@intercalate/crystallography/parallel';",
    ),
  );
  writeFileSync(
    join(app, 'parallel.cjs'),
    parallelScript(
      "const { fitPatternSeriesParallel } = require('@intercalate/crystallography/parallel');",
    ),
  );
  step('(c) worker threads of @intercalate/crystallography/parallel from ESM and CJS', () => {
    for (const file of ['parallel.mjs', 'parallel.cjs']) {
      const out = run('node', [file], { cwd: app });
      if (!out.includes('parallel ok')) throw new Error(`${file}: ${out}`);
    }
  });

  // A typed consumer: real types must flow (a wrong argument type is an error, so a package whose
  // types resolve to `any` fails the @ts-expect-error line).
  const typedBody = `
const v: number = variance(new Float64Array([1, 2, 3]), { ddof: 1 });
const d: number = hexagonalDSpacing(2.872, 14.2, [0, 0, 3]);
const e: number = heterogeneityStrain((c: number) => 2 + c, 0.5, 0.1);
const f: number = FARADAY * thermalVoltage(298.15);
const p: number = hzToPpm(ppmToHz(1, 100), 100);
const m: Uint8Array = circleMask({ width: 4, height: 4, centerX: 1, centerY: 1, radius: 1 });
const moments: RunningMoments = new RunningMoments().add(1);
const hkl: MillerIndices = [1, 0, 4];
// @ts-expect-error hexagonalDSpacing takes numbers and a Miller triple
hexagonalDSpacing('2.872', 14.2, [0, 0, 3]);
export const all = [v, d, e, f, p, m, moments, hkl];
`;
  const typedImports = (from) =>
    [
      `import { RunningMoments, variance } from '@intercalate/numerics';`,
      `import { hexagonalDSpacing, type MillerIndices } from '@intercalate/crystallography';`,
      `import { heterogeneityStrain } from '@intercalate/strain-model';`,
      `import { FARADAY, thermalVoltage } from '@intercalate/electrochem';`,
      `import { hzToPpm, ppmToHz } from '@intercalate/nmr';`,
      `import { circleMask } from '@intercalate/imaging';`,
    ]
      .map(from)
      .join('\n');
  writeFileSync(join(app, 'consumer.mts'), `${typedImports((line) => line)}\n${typedBody}`);
  writeFileSync(join(app, 'consumer.cts'), `${typedImports((line) => line)}\n${typedBody}`);
  writeFileSync(join(app, 'consumer.ts'), `${typedImports((line) => line)}\n${typedBody}`);
  const compilerOptions = {
    strict: true,
    noEmit: true,
    types: [],
    target: 'ES2022',
    lib: ['ES2022'],
    skipLibCheck: false,
  };
  writeFileSync(
    join(app, 'tsconfig.nodenext.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: 'NodeNext', moduleResolution: 'NodeNext' },
      files: ['consumer.mts', 'consumer.cts'],
    }),
  );
  writeFileSync(
    join(app, 'tsconfig.bundler.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, module: 'ESNext', moduleResolution: 'Bundler' },
      files: ['consumer.ts'],
    }),
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  step('(d) TypeScript, moduleResolution NodeNext (.mts and .cts)', () =>
    run('node', [tsc, '-p', 'tsconfig.nodenext.json'], { cwd: app }),
  );
  step('(d) TypeScript, moduleResolution Bundler', () =>
    run('node', [tsc, '-p', 'tsconfig.bundler.json'], { cwd: app }),
  );
  console.log(
    `consumer test: all ${names.length} packages work through import, require and TypeScript`,
  );
} finally {
  if (keep) console.log(`consumer test: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
