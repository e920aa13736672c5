// Which threads a byo page really ran: every Web Worker started from the driver worker (where
// adapters and the libraries they load start their pools) is watched, so that a library that
// quietly runs fewer threads than it was asked for (a cap of its own, a fallback to one thread)
// shows up as such instead of as a poor speedup.
//
// A worker counts as one of the page's threads while it is alive and runs code of its own:
// - an Emscripten pthread worker only once it was given a thread to run. Emscripten starts its
//   pool workers ahead of time and leaves them idle until pthread_create hands one a thread
//   (tfjs-backend-wasm, for one, starts 8 whatever its thread count), so idle ones do not count.
//   It is recognised by its name ('em-pthread…') or its first message (the 'load' command with
//   the module); a thread is handed over by the 'run' command, whose name minified builds
//   (wasm-vips) turn into a number: then it is a message of three or more numbers and nothing
//   else (start routine, argument, thread pointer).
// - any other worker (wasm-bindgen-rayon's pool, parbench's own helpers, hand-made ones) from
//   its start: such pools start exactly the workers they use.
// Emscripten returns a finished thread's worker to its pool without telling it, so a worker that
// was handed a thread counts until it is terminated; pools reuse their most recently returned
// worker first, so threads started and joined in every step count about as many as run at once.
// Workers started by other workers are not seen (the adapter's threads() can say more).
// In a page of two sides (A and B, two adapters), a worker belongs to the side whose adapter was
// running when it was constructed (the driver says which: ThreadWatch.side), and each side's
// window counts its own.

/** Starts watching; returns the watcher (one per driver worker, installed before the adapter loads). */
export function watchThreads() {
  const workers = new Set();
  const watch = new ThreadWatch(workers);
  const NativeWorker = self.Worker;
  if (typeof NativeWorker !== 'function') return watch;

  class WatchedWorker extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      workers.add(this);
      this.parbenchThread = {
        emscripten: /^em-pthread/.test(options?.name ?? ''), messages: 0, ran: false, alive: true, side: watch.side,
      };
    }

    postMessage(message, transfer) {
      noteMessage(this.parbenchThread, message);
      return super.postMessage(message, transfer);
    }

    terminate() {
      this.parbenchThread.alive = false;
      return super.terminate();
    }
  }
  self.Worker = WatchedWorker;
  return watch;
}

function noteMessage(thread, message) {
  thread.messages++;
  if (message === null || typeof message !== 'object') return;
  const values = Object.values(message);
  if (thread.messages === 1 && values.includes('load') && values.some((v) => v instanceof WebAssembly.Module)) {
    thread.emscripten = true;
  } else if (values.includes('run') || (values.length >= 3 && values.every((v) => typeof v === 'number'))) {
    thread.ran = true;
  }
}

class ThreadWatch {
  constructor(workers) {
    this.workers = workers;
    this.side = 'current'; // the side whose adapter runs now: its workers are that side's
  }

  /** The side's workers running a thread now. */
  running(side) {
    return [...this.workers].filter(({ parbenchThread: t }) => t.side === side && t.alive && (!t.emscripten || t.ran));
  }

  /**
   * Starts a window (e.g. the measured iterations of one side at one worker count); its end()
   * gives the side's threads during it: the driver worker plus every worker of the side that ran
   * a thread in it.
   */
  window(side) {
    const seen = new Set(this.running(side));
    const note = () => this.running(side).forEach((w) => seen.add(w));
    return {
      note,
      end: () => {
        note();
        return 1 + seen.size;
      },
    };
  }
}
