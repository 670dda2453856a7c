#!/usr/bin/env node
// Makes sure the Python peers that the benchmarks compare with are importable by /usr/bin/python3.
// They come from Debian's packages (PyPI is not used); as root this installs them with apt-get,
// otherwise it prints the command and fails.
import { execFileSync, spawnSync } from 'node:child_process';

const python = '/usr/bin/python3';
const modules = ['numpy', 'scipy', 'skimage', 'lmfit', 'pymatgen.core', 'xrayutilities'];
const debianPackages = [
  'python3-numpy',
  'python3-scipy',
  'python3-skimage',
  'python3-lmfit',
  'python3-pymatgen',
  'python3-xrayutilities',
];

function missingModules() {
  const check = spawnSync(python, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  return check.status === 0 ? null : check.stderr || check.error?.message || 'python3 failed';
}

const missing = missingModules();
if (missing === null) process.exit(0);
const command = `apt-get update && apt-get install -y ${debianPackages.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(
    `The benchmarks need the Python peers (${missing.trim()}). Install them with:\n  sudo ${command}`,
  );
  process.exit(1);
}
console.log(`Installing the Python peers from Debian: ${debianPackages.join(' ')}`);
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', ...debianPackages], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
const still = missingModules();
if (still !== null) {
  console.error(`The Python peers are still not importable after apt-get:\n${still}`);
  process.exit(1);
}
