// Workers that code in a driver worker constructs (a byo adapter's library: Emscripten's pthread
// pool, a worker of the adapter's own) are started by the page (main.js), not by the driver: in
// Firefox a worker that constructs a worker can wait forever inside the constructor
// (bench-wasm/FIREFOX-HANG.md). startWorkersFromThePage() replaces the driver's Worker with
// PageWorker, which has Worker's API; messages to the worker go through the page, which posts them
// on; the worker's messages and errors come back on a MessageChannel of its own.

let nextId = 1;

export class PageWorker extends EventTarget {
  /** Marks Worker classes that start from the page, subclasses and other copies of this file included. */
  static startsFromThePage = true;

  #id = nextId++;
  #answers;

  onmessage = null;
  onerror = null;
  onmessageerror = null;

  constructor(url, options = {}) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.#answers = port1;
    port1.onmessage = ({ data }) => this.#fire(data.type === 'message'
      ? new MessageEvent('message', { data: data.data })
      : new ErrorEvent('error', { message: data.message, filename: data.filename, lineno: data.lineno }));
    // Relative to this worker, as for a worker it constructed; the page resolves against itself.
    const href = new URL(url, self.location.href).href;
    self.postMessage({ type: 'start-worker', id: this.#id, url: href, options, answers: port2 }, [port2]);
  }

  postMessage(data, transfer = []) {
    const list = Array.isArray(transfer) ? transfer : transfer?.transfer ?? [];
    self.postMessage({ type: 'to-worker', id: this.#id, data, transfer: list }, list);
  }

  terminate() {
    self.postMessage({ type: 'terminate-worker', id: this.#id });
    this.#answers.close();
  }

  #fire(event) {
    const handler = this[`on${event.type}`];
    if (typeof handler === 'function') handler.call(this, event);
    this.dispatchEvent(event);
  }
}

/** From now on, `new Worker(...)` in this worker starts the worker from the page. */
export function startWorkersFromThePage() {
  self.Worker = PageWorker;
}
