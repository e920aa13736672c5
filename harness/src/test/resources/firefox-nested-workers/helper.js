// A helper: says it runs, joins the handshake, and sleeps in Atomics.wait until told to stop.
self.onmessage = ({ data: { words, answers } }) => {
  const shared = new Int32Array(words);
  answers.postMessage('running');
  Atomics.add(shared, 0, 1);
  Atomics.notify(shared, 0);
  while (Atomics.load(shared, 1) === 0) Atomics.wait(shared, 1, 0);
};
