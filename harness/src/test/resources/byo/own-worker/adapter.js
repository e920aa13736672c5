// An adapter whose setup() starts a worker of its own, as a library's thread pool does, and shares
// memory with it: the worker adds 1 to the shared cell on every step (a thread doing the work).
// parbench's byo driver has the page start it (page-workers.js), never the driver worker itself.
export const meta = { name: 'own-worker', unit: 'step' };

let cell;

export async function setup() {
  // parbench's Worker may be wrapped (the byo driver counts the threads a library starts).
  const startedByThePage = (W) => Boolean(W) && (W.name === 'PageWorker' || startedByThePage(Object.getPrototypeOf(W)));
  if (!startedByThePage(self.Worker)) {
    throw new Error('Worker in the driver is the browser\'s own: a worker the adapter starts would be nested');
  }
  cell = new Int32Array(new SharedArrayBuffer(8)); // [0]: steps asked, [1]: steps done
  const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
  await new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data === 'ready' ? resolve() : reject(new Error(data)));
    worker.onerror = (event) => reject(new Error(`worker.js failed: ${event.message}`));
    worker.postMessage({ cells: cell.buffer });
  });
}

export function step() {
  const asked = Atomics.add(cell, 0, 1) + 1;
  Atomics.notify(cell, 0);
  // Wait on the value just compared: reading it again could see the step done and then sleep forever.
  for (let done; (done = Atomics.load(cell, 1)) < asked; ) Atomics.wait(cell, 1, done);
  return 1;
}
