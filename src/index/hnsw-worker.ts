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
const halted = new Int32Array(workerData.halt);
const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
index.initIndex({ maxElements, m, efConstruction, randomSeed });
parentPort.on("message", async (msg) => {
  try {
    if (msg.type === "add") {
      const n = msg.vectors.length / dimensions;
      for (let i = 0; i < n; i++) {
        if (Atomics.load(halted, 0) !== 0) return;
        index.addPoint(Array.from(msg.vectors.subarray(i * dimensions, (i + 1) * dimensions)), msg.start + i);
      }
      parentPort.postMessage({ type: "added", count: n });
    } else if (msg.type === "ping") {
      parentPort.postMessage({ type: "pong" });
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

/** Workers of this process not stopped yet, and their graph writes in flight (see {@link settleHnswWorkers}). */
const liveWorkers = new Set<HnswWorker>();
const writesInFlight = new Set<Promise<void>>();

/**
 * Halts every HNSW worker of this process and resolves once none is inside hnswlib: each inserts no
 * more vectors and answers between two insertions, and a graph write in flight is waited for. A
 * process that exits (`process.exit` terminates its workers) while one is inside hnswlib is aborted
 * by hnswlib-node with a native stack trace, exit 134 — seen on a SIGTERM to `npm run ingest`, during
 * a write (`FATAL ERROR: … SaveHierarchicalNSWIndexWorker::OnOK`) and during an insertion
 * (`HierarchicalNSW::addPoint`): a stop-signal handler waits for this before exiting. A halted worker
 * builds nothing more; a write takes a second or so.
 */
export async function settleHnswWorkers(): Promise<void> {
  await Promise.allSettled([...liveWorkers].map((w) => w.halt()));
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
  /** Set (shared with the thread) by {@link halt}: no more insertions. */
  private readonly halted = new Int32Array(new SharedArrayBuffer(4));
  private pongs: (() => void)[] = [];

  constructor(
    private readonly params: HnswBuildParams,
    private readonly onInserted: (done: number) => void = () => {},
  ) {
    this.worker = new Worker(SCRIPT, {
      eval: true,
      workerData: { params, base: import.meta.url, halt: this.halted.buffer },
    });
    liveWorkers.add(this);
    this.worker.on("message", (msg: { type: string; count?: number; message?: string }) => {
      if (msg.type === "pong") {
        this.answerPings();
        return;
      }
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
      liveWorkers.delete(this);
      this.answerPings();
      if (!this.stopping) this.fail(new Error(`HNSW worker exited (${code})`));
    });
  }

  private answerPings(): void {
    const pongs = this.pongs;
    this.pongs = [];
    for (const p of pongs) p();
  }

  /**
   * Inserts no more vectors (the graph is left incomplete: for a process about to exit) and resolves
   * once the thread is between two calls into hnswlib — or gone. A write in flight goes on.
   */
  halt(): Promise<void> {
    Atomics.store(this.halted, 0, 1);
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.pongs.push(resolve);
      this.worker.postMessage({ type: "ping" });
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
    liveWorkers.delete(this);
  }
}
