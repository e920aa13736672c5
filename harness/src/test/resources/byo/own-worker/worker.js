// The adapter's worker: does each step the driver asks for (see adapter.js).
self.onmessage = ({ data: { cells } }) => {
  const cell = new Int32Array(cells);
  self.postMessage('ready');
  for (let done = 0; ; ) {
    Atomics.wait(cell, 0, done);
    done = Atomics.load(cell, 0);
    Atomics.store(cell, 1, done);
    Atomics.notify(cell, 1);
  }
};
