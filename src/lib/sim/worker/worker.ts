/// <reference lib="webworker" />
import type { SimRequest, SimResponse } from './protocol';
import { createSimHandler } from './worker-handler';

/** The simulation Web Worker: a thin shell over `createSimHandler`. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createSimHandler((message: SimResponse) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<SimRequest>) => void handle(event.data);
