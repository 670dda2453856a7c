import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The docs app's root directory. */
export const docsRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Serves the built site with `vitepress preview` (what `pnpm start` runs) on a random port and
 * resolves with the URL it prints. Needs `docs:build` first; turbo orders that (see turbo.json,
 * @intercalate/docs#test). Each test file starts its own server (on its own port).
 */
export async function startPreview(): Promise<{ baseUrl: string; port: number; stop: () => void }> {
  if (!existsSync(`${docsRoot}/.vitepress/dist/index.html`)) {
    throw new Error('apps/docs/.vitepress/dist is missing: run `pnpm docs:build` first');
  }
  const vitepressBin = fileURLToPath(
    new URL('../node_modules/vitepress/bin/vitepress.js', import.meta.url),
  );
  const port = 4300 + Math.floor(Math.random() * 1500);
  const server: ChildProcess = spawn(
    process.execPath,
    [vitepressBin, 'preview', '--port', String(port)],
    { cwd: docsRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The preview server prints the URL it serves on; wait for it (bounded by the hook timeout).
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/localhost:\d+\/?/);
      if (match) resolve(match[0].replace(/\/$/, ''));
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('exit', (code) =>
      reject(new Error(`vitepress preview exited with ${code}:\n${output}`)),
    );
  });
  return { baseUrl, port, stop: () => server.kill() };
}
