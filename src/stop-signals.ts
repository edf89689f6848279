/**
 * One graceful stop however a launcher delivers the signal. A Ctrl-C in a terminal reaches every
 * process of the foreground group, and `npm` passes the signal on to its child as well; systemd
 * signals the whole control group, and a shard manager passes it on too. So one request to stop
 * arrives as two or three copies within milliseconds (seen: 8 ms apart under `npm start`). Copies in
 * the first {@link COPY_WINDOW_MS} after the first signal are the same request; a signal after that is
 * someone asking again, and stops the process at once.
 */

/** How long after the first stop signal further ones count as copies of it. */
export const COPY_WINDOW_MS = 1_000;

/** What a stop signal leads to: the first starts a graceful stop; a later one (past the window) forces it. */
export interface StopHandlers {
  /** The first signal: stop gracefully. */
  stop(signal: NodeJS.Signals): void;
  /** A signal after the copy window: stop at once. */
  force(signal: NodeJS.Signals): void;
  /** A copy of the first, ignored (for a debug line). */
  copy?(signal: NodeJS.Signals): void;
}

/** Where the signals come from (the process, or a stand-in in tests) and the clock that times them. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * Listens for `signals` (SIGINT and SIGTERM by default) on `source` and calls `handlers.stop` on
 * the first, `handlers.copy` on the copies that follow within {@link COPY_WINDOW_MS}, and
 * `handlers.force` on any signal after that.
 */
export function onStopSignals(
  handlers: StopHandlers,
  opts: {
    signals?: readonly NodeJS.Signals[];
    source?: SignalSource;
    now?: () => number;
    windowMs?: number;
  } = {},
): void {
  const now = opts.now ?? (() => performance.now());
  const windowMs = opts.windowMs ?? COPY_WINDOW_MS;
  let first: number | null = null;
  const listener = (signal: NodeJS.Signals) => {
    const t = now();
    if (first === null) {
      first = t;
      handlers.stop(signal);
    } else if (t - first < windowMs) handlers.copy?.(signal);
    else handlers.force(signal);
  };
  const source = opts.source ?? process;
  for (const signal of opts.signals ?? ["SIGINT", "SIGTERM"]) source.on(signal, listener);
}

/** Set by {@link haltWork}: loops waiting on {@link nextTurn} go no further. */
let halted = false;

/** What {@link haltWork} settles besides the loops (child processes writing into scratch), see {@link whenHalted}. */
const settlers = new Set<() => Promise<void>>();

/**
 * Stops every loop that waits on {@link nextTurn} there, for good, and settles what {@link whenHalted}
 * registered (a bench's child processes, stopped and waited for): a command-line stop handler calls it
 * before removing the temporary folders the work writes into, so that the work does not go on writing
 * into them (a build went on while they were removed, and left one behind).
 */
export async function haltWork(): Promise<void> {
  halted = true;
  await Promise.allSettled([...settlers].map((settle) => settle()));
}

/**
 * Registers work {@link haltWork} must settle before scratch is removed (a child process writing into
 * it: stopped, and waited for); returns what unregisters it.
 */
export function whenHalted(settle: () => Promise<void>): () => void {
  settlers.add(settle);
  return () => settlers.delete(settle);
}

/**
 * One turn of the event loop. A signal's listener runs only between turns, and a loop of awaits that
 * settle at once (synchronous work behind an async signature: local embeddings, an extractive answer)
 * never ends one: a long loop awaits this now and then so that a Ctrl-C or SIGTERM is handled at once
 * rather than when the loop is over. After {@link haltWork} it never resolves.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (!halted) setImmediate(() => (halted ? undefined : resolve()));
  });
}
