// Runs every TSDoc `@example` of every package, so that an example that no longer runs fails the
// test command (CONVENTIONS.md: "an `@example` that runs").
//
// Each ```ts block under an `@example` tag in packages/*/src/*.ts is transpiled with TypeScript
// and run with Node from a temporary folder inside its package, so its
// `import … from '@intercalate/<name>'` lines resolve to the built packages (`dist/`, run
// `pnpm build` first) exactly as a user's would. An example passes when it runs to the end, or,
// for an example that demonstrates an error, when it throws an error whose name (RangeError,
// TypeError) its text announces in a `// …` comment. The values in the `// …` comments are not
// compared (they are written for readers, often rounded).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const packagesDir = new URL('../packages/', import.meta.url).pathname;
const examples = [];
for (const name of readdirSync(packagesDir)) {
  const src = join(packagesDir, name, 'src');
  let files;
  try {
    files = readdirSync(src).filter((file) => file.endsWith('.ts'));
  } catch {
    continue;
  }
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8');
    const pattern = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
    for (let match = pattern.exec(text), k = 0; match !== null; match = pattern.exec(text), k++) {
      const code = match[1]
        .split('\n')
        .map((line) => line.replace(/^\s*\* ?/, ''))
        .join('\n');
      const line = text.slice(0, match.index).split('\n').length;
      examples.push({ name, where: `packages/${name}/src/${file}:${line}`, code, k, file });
    }
  }
}

const folders = new Set();
function run(example) {
  const folder = join(packagesDir, example.name, '.examples');
  if (!folders.has(folder)) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    folders.add(folder);
  }
  const js = ts.transpileModule(example.code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const path = join(folder, `${example.file}.${example.k}.mjs`);
  writeFileSync(path, js);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve(null);
      const thrown = /^(\w*Error)\b/m.exec(
        stderr.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? '',
      );
      const announced = thrown !== null && new RegExp(`//.*\\b${thrown[1]}\\b`).test(example.code);
      resolve(
        announced ? null : `${example.where}: ${stderr.trim().split('\n').slice(-6).join('\n  ')}`,
      );
    });
  });
}

const failures = [];
let next = 0;
async function worker() {
  while (next < examples.length) {
    const failure = await run(examples[next++]);
    if (failure) failures.push(failure);
  }
}
try {
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
} finally {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(
    `${failures.length} of ${examples.length} TSDoc examples failed:\n${failures.join('\n')}`,
  );
  process.exit(1);
}
console.log(`all ${examples.length} TSDoc examples ran`);
