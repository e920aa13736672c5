// A broken adapter: CommonJS, not an ES module.
module.exports = {
  meta: { name: 'not-a-module', unit: 'step' },
  setup() {},
  step() {
    return 1;
  },
};
