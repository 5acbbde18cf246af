import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv'
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves the harness build on 127.0.0.1, plus one data file at `/data.csv`. */
export async function serveHarness(root: string, dataFile: string): Promise<Served> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path === '/data.csv' ? dataFile : normalize(join(root, path));
    if (
      file !== dataFile &&
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
