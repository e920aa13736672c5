// The driver: starts config.helpers helpers, waits (yielding) until each says it is running, then
// completes a handshake in shared memory blocking in Atomics.wait, the way parbench's pool does
// (pb_pool_wait_ready). Each step reports a phase, so a stuck page shows where it stopped: in
// Firefox with helpers started here, a 'constructing helper N' that never ends.
self.onmessage = async ({ data: { config } }) => {
  const phase = (name) => self.postMessage({ type: 'phase', phase: name });
  const words = new Int32Array(new SharedArrayBuffer(8)); // [0]: helpers ready, [1]: stop
  const running = [];
  for (let index = 1; index <= config.helpers; index++) {
    const { port1: answers, port2 } = new MessageChannel();
    running.push(new Promise((resolve) => { answers.onmessage = resolve; }));
    const start = { type: 'start', words: words.buffer, index, answers: port2 };
    phase(`constructing helper ${index}`);
    if (config.startedBy === 'page') {
      self.postMessage({ type: 'start-helper', start }, [port2]);
    } else {
      new Worker('helper.js', { type: 'module' }).postMessage(start, [port2]);
    }
  }
  phase('waiting for the helpers to run');
  await Promise.all(running);
  phase('handshake');
  while (Atomics.load(words, 0) < config.helpers) Atomics.wait(words, 0, Atomics.load(words, 0), 10);
  Atomics.store(words, 1, 1);
  Atomics.notify(words, 1);
  self.postMessage({ type: 'result', result: { status: 'ok' } });
};
