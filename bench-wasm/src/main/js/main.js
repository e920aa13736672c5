// parbench page script (main thread).
//
// The harness (Playwright, WebDriver BiDi or WebDriver) calls parbench.start(kind, config) once
// per page and then waits for news: parbench.blocks grows as the driver measures blocks, and
// parbench.result is set once, at the end. parbench.phase, parbench.at and parbench.notes say
// where a stuck page got to and what it logged, for drivers that cannot read the console; the
// blocks measured before a page got stuck or died are the harness's to keep.
// Everything that may block (the wasm module, Atomics.wait inside the pool)
// runs in the driver worker: the main thread only relays messages and measures how responsive
// it stays while the driver works, which is what a real page would feel. It also starts the
// workers the driver asks for (page-workers.js): a worker must not construct workers itself.

const TICK_MS = 10;

/**
 * Records the longest gap between ticks of a short interval timer: how long the page could not
 * react. The stretch from the last tick to stop() counts too, so a run shorter than a tick
 * still gets a value.
 */
class GapMeter {
  start() {
    this.last = performance.now();
    this.maxGapMs = 0;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  tick() {
    const now = performance.now();
    this.maxGapMs = Math.max(this.maxGapMs, now - this.last);
    this.last = now;
  }

  /** The longest gap in ms (the tick period included), or null if never started. */
  stop() {
    if (this.timer === undefined) return null;
    clearInterval(this.timer);
    this.tick();
    return this.maxGapMs;
  }
}

/**
 * Whether the page was hidden (a background tab, a minimized window, a locked screen) at any
 * moment from start() to stop(): browsers throttle hidden pages, so what one measured is not trusted.
 */
class VisibilityWatch {
  start() {
    this.hidden = document.visibilityState === 'hidden';
    this.listener = () => { this.hidden ||= document.visibilityState === 'hidden'; };
    document.addEventListener('visibilitychange', this.listener);
  }

  stop() {
    document.removeEventListener('visibilitychange', this.listener);
    return this.hidden || document.visibilityState === 'hidden';
  }
}

const parbench = {
  phase: 'loaded', // the driver's last reported phase: the harness reads it when a run hangs
  at: null,        // the block ({side, workers}) the driver warms up or measures now
  blocks: [],      // the blocks measured so far, {side, workers, stepsPerSecond}
  blockArrivals: [], // when each reached this thread (performance.now()): the harness hears of a block only once it is a while old
  result: null,    // set once, when the driver has answered (or failed)
  notes: [],       // errors and warnings, also written to the console
  workers: new Map(), // the workers started for the driver (page-workers.js), by id

  /** kind: 'probe' or 'run' (config: see driver.js). Returns at once; poll parbench.result. */
  start(kind, config) {
    if (this.driver) throw new Error('parbench.start may be called only once per page');
    const gaps = new GapMeter();
    const visibility = new VisibilityWatch();
    visibility.start();
    const driver = new Worker('driver.js', { type: 'module' });
    this.driver = driver;
    // Workers log here rather than to their own consoles: the harness watches the page's console.
    this.logs = new BroadcastChannel('parbench-log');
    this.logs.onmessage = ({ data }) => this.note(data.level, data.text);

    driver.onmessage = ({ data }) => {
      if (data.type === 'phase') {
        this.phase = data.phase;
        if (data.phase === 'measure') gaps.start();
      } else if (data.type === 'at') {
        this.at = data.block;
      } else if (data.type === 'block') {
        this.blocks.push(data.block);
        this.blockArrivals.push(performance.now());
      } else if (data.type === 'result') {
        const extra = kind === 'probe' ? pageFacts() : { mainThreadMaxGapMs: gaps.stop(), pageHidden: visibility.stop() };
        this.finish({ ...data.result, ...extra });
      } else if (data.type === 'start-worker') {
        this.startWorker(data);
      } else if (data.type === 'to-worker') {
        this.workers.get(data.id)?.postMessage(data.data, data.transfer);
      } else if (data.type === 'terminate-worker') {
        this.workers.get(data.id)?.terminate();
        this.workers.delete(data.id);
      }
    };
    // A worker script blocked by COEP/CORP or missing gives an error event without a message.
    driver.onerror = (event) => {
      event.preventDefault();
      const text = 'driver worker: ' + (event.message || 'failed to load driver.js (blocked by the '
          + 'cross-origin headers, or not served)');
      this.note('error', text);
      gaps.stop();
      this.finish({ status: 'failed', reason: text });
    };
    driver.postMessage({ type: kind, config });
  },

  /**
   * Starts a worker for the driver (a PageWorker of page-workers.js): constructed here, on the
   * main thread, because in Firefox a worker that constructs a worker can wait forever inside
   * the constructor (bench-wasm/FIREFOX-HANG.md). Its messages and errors go back on `answers`.
   */
  startWorker({ id, url, options, answers }) {
    const worker = new Worker(url, options);
    worker.onmessage = ({ data }) => answers.postMessage({ type: 'message', data });
    worker.onerror = (event) => {
      event.preventDefault();
      answers.postMessage({ type: 'error', message: event.message, filename: event.filename, lineno: event.lineno });
    };
    this.workers.set(id, worker);
  },

  note(level, text) {
    this.notes.push(`${level}: [parbench] ${text}`);
    (level === 'error' ? console.error : console.warn)('[parbench] ' + text);
  },

  finish(result) {
    if (this.result) return;
    this.phase = 'done';
    this.result = result;
    this.driver.terminate();
    this.workers.forEach((worker) => worker.terminate());
    this.workers.clear();
  },
};

/** What only the page itself can say about the environment (the driver adds the rest). */
function pageFacts() {
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined',
  };
}

window.addEventListener('error', (event) => parbench.notes.push(`uncaught: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => parbench.notes.push(`uncaught: ${event.reason}`));
window.parbench = parbench;
