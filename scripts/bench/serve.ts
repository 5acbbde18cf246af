import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.gz': 'application/gzip',
  '.csv': 'text/csv'
};

/** Where the harness pages live on the bench's one origin. */
export const HARNESS_BASE = '/__harness/';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * One origin for everything the browser times: the built app (index.html fallback, like a
 * static host), the harness and floor pages under `/__harness/`, and the data file at `/data.csv`.
 */
export async function serveBench(dirs: {
  app: string;
  harness: string;
  dataFile: string;
}): Promise<Served> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [root, rest] = path.startsWith(HARNESS_BASE)
      ? [dirs.harness, path.slice(HARNESS_BASE.length - 1)]
      : [dirs.app, path];
    let file = path === '/data.csv' ? dirs.dataFile : normalize(join(root, rest));
    if (
      file !== dirs.dataFile &&
      (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
    ) {
      file = join(root, 'index.html');
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done()))
  };
}
