// Evaluated before parbench's driver (driver.js imports it first).
self.Worker = class {
  constructor(url) {
    throw new Error(`the driver worker constructed a worker (${url}); only the page may start workers`);
  }
};
