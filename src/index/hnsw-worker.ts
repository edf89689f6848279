import { Worker } from "node:worker_threads";

/** Graph parameters for {@link HnswWorker}. */
export interface HnswBuildParams {
  dimensions: number;
  maxElements: number;
  m: number;
  efConstruction: number;
  randomSeed: number;
}

// Plain JavaScript, evaluated as the worker's script: it needs no TypeScript loader, so it runs the
// same under tsx, vitest and a bundle. Inserting in arrival order with one seed builds the very graph
// the main thread would.
const SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
const hnswlib = require("node:module").createRequire(workerData.base)("hnswlib-node");
const { dimensions, maxElements, m, efConstruction, randomSeed } = workerData.params;
const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
index.initIndex({ maxElements, m, efConstruction, randomSeed });
parentPort.on("message", async (msg) => {
  try {
    if (msg.type === "add") {
      const n = msg.vectors.length / dimensions;
      for (let i = 0; i < n; i++)
        index.addPoint(Array.from(msg.vectors.subarray(i * dimensions, (i + 1) * dimensions)), msg.start + i);
      parentPort.postMessage({ type: "added", count: n });
    } else if (msg.type === "write") {
      let message;
      try {
        await index.writeIndex(msg.path);
      } catch (e) {
        message = String((e && e.message) || e);
      }
      parentPort.postMessage({ type: "written", message });
    }
  } catch (e) {
    parentPort.postMessage({ type: "error", message: String((e && e.message) || e) });
  }
});
`;

/** Graph writes in flight in this process (see {@link settleHnswWrites}). */
const writesInFlight = new Set<Promise<void>>();

/**
 * Resolves once no worker of this process is writing a graph. A process that exits during such a write
 * (`process.exit` terminates its workers) is aborted by hnswlib-node with a native stack trace
 * (seen: a SIGTERM to `npm run ingest` → `FATAL ERROR: … SaveHierarchicalNSWIndexWorker::OnOK`, exit
 * 134): a stop-signal handler waits for this before exiting. A write takes a second or so.
 */
export async function settleHnswWrites(): Promise<void> {
  await Promise.allSettled([...writesInFlight]);
}

/** Vectors handed over but not yet inserted, at most: the embedding loop waits beyond this. */
const MAX_QUEUED_BYTES = 32 * 1024 * 1024;

/**
 * Builds an HNSW graph (hnswlib-node, cosine) on a worker thread, so that insertion — single-threaded
 * in hnswlib and the largest part of an ingest — runs beside embedding and tokenising on the main
 * thread. Vectors go over as transferred Float64Arrays (the exact doubles an in-thread `addPoint`
 * would get); `write` saves the graph in hnswlib's own file format.
 */
export class HnswWorker {
  private readonly worker: Worker;
  private queuedBytes = 0;
  private inserted = 0;
  private failure: Error | null = null;
  private waiters: (() => void)[] = [];
  private written = false;
  private exited = false;
  private stopping = false;

  constructor(
    private readonly params: HnswBuildParams,
    private readonly onInserted: (done: number) => void = () => {},
  ) {
    this.worker = new Worker(SCRIPT, {
      eval: true,
      workerData: { params, base: import.meta.url },
    });
    this.worker.on("message", (msg: { type: string; count?: number; message?: string }) => {
      if (msg.type === "added") {
        const count = msg.count ?? 0;
        this.inserted += count;
        this.queuedBytes -= count * params.dimensions * 8;
        this.onInserted(this.inserted);
      } else if (msg.type === "written") {
        this.written = true;
        if (msg.message !== undefined) this.fail(new Error(`hnswlib: ${msg.message}`));
      } else if (msg.type === "error") this.fail(new Error(`hnswlib: ${msg.message}`));
      this.wake();
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => {
      this.exited = true;
      if (!this.stopping) this.fail(new Error(`HNSW worker exited (${code})`));
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Queues vectors labelled `start`, `start + 1`, …; waits while too many are still queued. */
  async add(vectors: readonly (readonly number[])[], start: number): Promise<void> {
    const { dimensions } = this.params;
    const flat = new Float64Array(vectors.length * dimensions);
    vectors.forEach((v, i) => {
      flat.set(v, i * dimensions);
    });
    while (this.failure === null && this.queuedBytes > MAX_QUEUED_BYTES) await this.next();
    if (this.failure) throw this.failure;
    this.queuedBytes += flat.byteLength;
    this.worker.postMessage({ type: "add", vectors: flat, start }, [flat.buffer]);
  }

  /**
   * Waits for every queued vector to be inserted, then writes the graph to `path` and stops the
   * worker; throws the first failure (a refused insertion, a failed write). The worker is never
   * stopped while its write is in flight: hnswlib-node aborts the process when an async write
   * completes in a terminated thread.
   */
  async write(path: string): Promise<void> {
    this.worker.postMessage({ type: "write", path });
    const done = (async () => {
      while (!this.written && !this.exited) await this.next();
    })();
    writesInFlight.add(done);
    try {
      await done;
    } finally {
      writesInFlight.delete(done);
    }
    await this.stop();
    if (this.failure) throw this.failure;
  }

  /** Stops the worker (also after a failure elsewhere); safe to call twice. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }
}
