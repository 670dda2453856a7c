// Runs every TSDoc `@example` of every package, so that an example that no longer runs fails the
// test command (CONVENTIONS.md: "an `@example` that runs").
//
// Each ```ts block under an `@example` tag in packages/*/src/*.ts is transpiled with TypeScript
// and run with Node from a temporary folder inside its package, so its
// `import … from '@intercalate/<name>'` lines resolve to the built packages (`dist/`, run
// `pnpm build` first) exactly as a user's would. An example passes when it runs to the end, or,
// for an example that demonstrates an error, when it throws an error whose name (RangeError,
// TypeError) its text announces in a `// …` comment.
//
// The numbers in the comments are checked too: on a line `expression; // 97.2798 g/mol` (an
// expression statement whose comment starts with a number), the expression must evaluate to that
// number within half a unit of its last shown digit, or within one unit when the number ends in
// `…` (truncated). Comments that start with `≈`, a word or a formula (`0.03 / 14.35 ≈ …`) are
// prose and are not compared; neither are results that are not numbers.
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

// `expression; // 1.234… unit`: an expression statement with a number first in its comment. The
// number must not be followed by an operator (then the comment is a formula, not a value).
const VALUE_LINE =
  /^(?!\s*(?:\/\/|const|let|var|import|export|for|if|while|await|return)\b)(?!\s*\/\/)(\s*)(.+?);\s*\/\/\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)(…)?(?=\s|$)(?!\s*[·/+*−=≈×…-])/;

/** Whether the brackets of an expression balance (a line that closes a multi-line call does not). */
function balanced(expression) {
  let depth = 0;
  for (const char of expression) {
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char) && --depth < 0) return false;
  }
  return depth === 0;
}

let valuesChecked = 0;
function withValueChecks(code) {
  return code
    .split('\n')
    .map((line, i) => {
      const match = VALUE_LINE.exec(line);
      if (match === null || !balanced(match[2])) return line;
      const [, indent, expression, literal, truncated] = match;
      valuesChecked++;
      return `${indent}__checkValue((${expression}), ${JSON.stringify(literal)}, ${truncated !== undefined}, ${i + 1});`;
    })
    .join('\n');
}

const CHECK_PRELUDE = `const __checkValue = (value, literal, truncated, line) => {
  if (typeof value !== 'number') return;
  const expected = Number(literal);
  const [mantissa, exponent = '0'] = literal.split('e');
  const decimals = (mantissa.split('.')[1] ?? '').length;
  const unit = 10 ** (Number(exponent) - decimals);
  const tolerance = (truncated ? 1 : 0.5) * unit * (1 + 1e-9) + 4e-16 * Math.abs(expected);
  if (!(Math.abs(value - expected) <= tolerance)) {
    const error = new Error('example line ' + line + ': the comment says ' + literal + (truncated ? '…' : '') + ', the code gives ' + value);
    error.name = 'ExampleCommentError';
    throw error;
  }
};
`;

const folders = new Set();
function run(example) {
  const folder = join(packagesDir, example.name, '.examples');
  if (!folders.has(folder)) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    folders.add(folder);
  }
  const js = ts.transpileModule(CHECK_PRELUDE + withValueChecks(example.code), {
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
      const message = stderr.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? stderr.trim();
      const thrown = /^(\w*Error)\b/.exec(message);
      const announced = thrown !== null && new RegExp(`//.*\\b${thrown[1]}\\b`).test(example.code);
      resolve(announced ? null : `${example.where}: ${message}`);
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
console.log(
  `all ${examples.length} TSDoc examples ran; ${valuesChecked} numbers in their comments match the code`,
);
