// Side-by-side benchmark harness shared by every package's bench/run.mjs.
//
// For each workload it times the JavaScript function and the Python peer on the same data in the
// same run (inputs are written once as raw float64 files that numpy reads with np.fromfile),
// checks that both computed the same result, and prints the median times and their ratio.
// Absolute times on a shared machine are noisy; the ratio is the number to read.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';

/** Median wall time (s) of `fn()` over at least `repeats` runs and `minTime` seconds, after a warm-up. */
export function timeJs(fn, { repeats = 7, minTime = 0.5 } = {}) {
  let result = fn(); // warm-up (JIT), and the value to compare with the peer
  const times = [];
  const start = performance.now();
  while (times.length < repeats || (performance.now() - start) / 1000 < minTime) {
    const t0 = performance.now();
    result = fn();
    times.push((performance.now() - t0) / 1000);
    if (times.length >= 1000) break;
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], runs: times.length, result };
}

/**
 * Runs `statement` (Python, may use the arrays named in `inputs` and `np`) repeatedly and returns
 * the median wall time (s) and the value of `resultExpression` (a float or a list of floats).
 */
export function timePython({
  setup = '',
  statement,
  resultExpression,
  inputs = {},
  repeats = 7,
  minTime = 0.5,
}) {
  const dir = mkdtempSync(join(tmpdir(), 'intercalate-bench-'));
  try {
    const loads = Object.entries(inputs).map(([name, array]) => {
      const file = join(dir, `${name}.f64`);
      const data = array instanceof Float64Array ? array : Float64Array.from(array);
      writeFileSync(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      return `${name} = np.fromfile(${JSON.stringify(file)}, dtype=np.float64)`;
    });
    const script = [
      'import json, time',
      'import numpy as np',
      ...loads,
      setup,
      'def run():',
      `    return ${statement}`,
      'value = run()',
      'times = []',
      'start = time.perf_counter()',
      `while len(times) < ${repeats} or time.perf_counter() - start < ${minTime}:`,
      '    t0 = time.perf_counter(); value = run(); times.append(time.perf_counter() - t0)',
      '    if len(times) >= 1000: break',
      'times.sort()',
      `result = ${resultExpression}`,
      'result = np.asarray(result, dtype=float).ravel().tolist()',
      'print(json.dumps({"seconds": times[len(times)//2], "runs": len(times), "result": result}))',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      throw new Error(
        `Python peer failed (is it installed? run \`pnpm bench\` from the root):\n${run.stderr}`,
      );
    }
    return JSON.parse(run.stdout.trim().split('\n').pop());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Python and numpy versions, for the report header. */
export function peerVersions(modules = ['numpy']) {
  const code = `import importlib, platform, json\nout = {"python": platform.python_version()}\nfor m in ${JSON.stringify(modules)}:\n    mod = importlib.import_module(m)\n    out[m] = getattr(mod, "__version__", "?")\nprint(json.dumps(out))`;
  const run = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8' });
  return run.status === 0 ? JSON.parse(run.stdout) : { error: run.stderr.trim() };
}

/** Asserts that the JS and Python results agree to a relative tolerance; throws otherwise. */
export function assertAgree(name, jsValue, pyValue, relativeTolerance) {
  const js =
    Array.isArray(jsValue) || ArrayBuffer.isView(jsValue) ? Array.from(jsValue) : [jsValue];
  const py = Array.isArray(pyValue) ? pyValue : [pyValue];
  if (js.length !== py.length)
    throw new Error(`${name}: JS gave ${js.length} values, Python ${py.length}`);
  for (let i = 0; i < js.length; i++) {
    const scale = Math.max(Math.abs(js[i]), Math.abs(py[i]), Number.MIN_VALUE);
    if (!(Math.abs(js[i] - py[i]) <= relativeTolerance * scale)) {
      throw new Error(`${name}: JS and Python disagree at ${i}: ${js[i]} vs ${py[i]}`);
    }
  }
}

/**
 * Runs the workloads and prints one line each: JS median, Python median, and the speed ratio
 * (Python time / JS time: above 1 means the JavaScript is faster). Also writes the results as JSON
 * for the docs site's Benchmarks page (see writeResults below).
 */
export function runComparison(title, workloads, peerModules = ['numpy']) {
  const caller = callerFile();
  const records = [];
  const versions = peerVersions(peerModules);
  console.log(`\n## ${title}`);
  console.log(
    `node ${process.version}, ${Object.entries(versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}`,
  );
  console.log('| workload | JS median (ms) | Python median (ms) | Python / JS |');
  console.log('| --- | ---: | ---: | ---: |');
  const rows = [];
  for (const workload of workloads) {
    const js = timeJs(workload.js, workload.options);
    const py = timePython({ ...workload.python, ...workload.options });
    assertAgree(
      workload.name,
      workload.jsResult ? workload.jsResult(js.result) : js.result,
      py.result,
      workload.tolerance ?? 1e-12,
    );
    const ratio = py.seconds / js.seconds;
    rows.push({ name: workload.name, jsSeconds: js.seconds, pySeconds: py.seconds, ratio });
    records.push({
      name: workload.name,
      jsSeconds: js.seconds,
      pySeconds: py.seconds,
      ratio,
      jsRuns: js.runs,
      pyRuns: py.runs,
      agreement: {
        tolerance: workload.tolerance ?? 1e-12,
        maxRelativeDifference: maxRelativeDifference(
          workload.jsResult ? workload.jsResult(js.result) : js.result,
          py.result,
        ),
        values: py.result.length,
      },
    });
    console.log(
      `| ${workload.name} | ${(js.seconds * 1e3).toFixed(2)} | ${(py.seconds * 1e3).toFixed(2)} | ${ratio.toFixed(2)} |`,
    );
  }
  writeResults(title, records, versions, caller);
  return rows;
}

/**
 * For benches that time their workloads themselves (not through runComparison): writes their
 * results for the docs site exactly as runComparison does. Each workload is
 * `{ name, jsSeconds, pySeconds, ratio, jsRuns?, pyRuns?, agreement?: { tolerance,
 * maxRelativeDifference, values } }`.
 */
export function recordResults(title, workloads, peerModules = ['numpy']) {
  writeResults(title, workloads, peerVersions(peerModules), callerFile());
}

/** Largest |js − py| / max(|js|, |py|) over the compared values (0 when they are identical). */
export function maxRelativeDifference(jsValue, pyValue) {
  const js =
    Array.isArray(jsValue) || ArrayBuffer.isView(jsValue) ? Array.from(jsValue) : [jsValue];
  const py = Array.isArray(pyValue) ? pyValue : [pyValue];
  let worst = 0;
  for (let i = 0; i < Math.min(js.length, py.length); i++) {
    const scale = Math.max(Math.abs(js[i]), Math.abs(py[i]));
    if (scale > 0) worst = Math.max(worst, Math.abs(js[i] - py[i]) / scale);
  }
  return worst;
}

/** The file that called runComparison (a package's bench/<topic>.mjs), from the call stack. */
function callerFile() {
  const here = fileURLToPath(import.meta.url);
  for (const line of (new Error().stack ?? '').split('\n').slice(1)) {
    const match = line.match(/(file:\/\/[^\s)]+?):\d+:\d+\)?$/);
    if (!match) continue;
    const file = fileURLToPath(match[1]);
    if (file !== here) return file;
  }
  return process.argv[1] ?? '';
}

/**
 * Writes the results of one runComparison to apps/docs/benchmarks/results/<package>.json (the
 * package named in the cwd's package.json, scope removed), merged by title so that the bench files
 * of a package accumulate in one file. The docs site's Benchmarks page renders these files.
 */
function writeResults(title, workloads, versions, caller) {
  const packageFile = join(process.cwd(), 'package.json');
  if (!existsSync(packageFile)) {
    console.warn(`(no package.json in ${process.cwd()}: results not written for the docs site)`);
    return;
  }
  const packageName = JSON.parse(readFileSync(packageFile, 'utf8')).name ?? basename(process.cwd());
  const directory = fileURLToPath(new URL('../../apps/docs/benchmarks/results/', import.meta.url));
  const file = join(directory, `${packageName.replace(/^@[^/]+\//, '')}.json`);
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  const packageDir = relative(repoRoot, process.cwd()) || '.';
  const benchFile = caller ? relative(process.cwd(), caller) : '';
  const { python, ...modules } = versions;
  const entry = {
    title,
    file: benchFile,
    command: `cd ${packageDir} && pnpm build && node ${benchFile}`,
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      platform: `${process.platform} ${process.arch}`,
      node: process.version,
      python: python ?? 'unknown',
      peers: modules,
    },
    workloads,
  };
  let existing = { package: packageName, comparisons: [] };
  if (existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      console.warn(`(could not parse ${file}: rewriting it)`);
    }
  }
  const comparisons = (existing.comparisons ?? []).filter((c) => c.title !== title);
  comparisons.push(entry);
  comparisons.sort((a, b) => (a.file + a.title).localeCompare(b.file + b.title));
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ package: packageName, comparisons }, null, 2)}\n`);
  renameSync(temporary, file);
  console.log(`(results written to ${relative(process.cwd(), file)})`);
}
