// The WebAssembly modules a byo page instantiated, with the URL each came from where it can be
// known, whether its memory is shared, and its exports (to read a C++ exception's message).
//
// Toolchains' loaders use WebAssembly.instantiateStreaming(fetch(url)), or fetch the bytes and
// compile or instantiate them; the URL is followed from the fetch's response to its bytes and
// from the bytes to the compiled module.

/** Starts watching the WebAssembly API in this worker; returns the list it fills. */
export function watchInstantiation() {
  const seen = [];
  const urls = new WeakMap(); // ArrayBuffer or WebAssembly.Module → URL

  const arrayBuffer = Response.prototype.arrayBuffer;
  Response.prototype.arrayBuffer = function () {
    return arrayBuffer.call(this).then((buffer) => {
      if (this.url) urls.set(buffer, this.url);
      return buffer;
    });
  };
  const urlOf = (source) => {
    if (source instanceof WebAssembly.Module || source instanceof ArrayBuffer) return urls.get(source);
    if (ArrayBuffer.isView(source)) return urls.get(source.buffer);
    return undefined;
  };
  const remember = (module, url) => {
    if (url) urls.set(module, url);
    return module;
  };
  const record = (url, result, imports, compiled) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const module = result instanceof WebAssembly.Instance ? compiled : result.module;
    seen.push({ url: url ?? null, sharedMemory: memoryShared(instance, module, imports), instance, imports });
    return result;
  };

  const { compile, compileStreaming, instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.compile = function (bytes, ...rest) {
    return compile.call(WebAssembly, bytes, ...rest).then((module) => remember(module, urlOf(bytes)));
  };
  WebAssembly.instantiate = function (source, imports, ...rest) {
    const url = urlOf(source);
    return instantiate.call(WebAssembly, source, imports, ...rest).then((result) => {
      if (result instanceof WebAssembly.Instance) return record(url, result, imports, source);
      remember(result.module, url);
      return record(url, result, imports);
    });
  };
  if (compileStreaming) {
    WebAssembly.compileStreaming = async function (response, ...rest) {
      const url = (await response).url;
      return compileStreaming.call(WebAssembly, response, ...rest).then((module) => remember(module, url));
    };
  }
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = async function (response, imports, ...rest) {
      const url = (await response).url;
      return instantiateStreaming.call(WebAssembly, response, imports, ...rest).then((result) => {
        remember(result.module, url);
        return record(url, result, imports);
      });
    };
  }
  const NativeModule = WebAssembly.Module;
  const NativeInstance = WebAssembly.Instance;
  WebAssembly.Module = function Module(bytes, ...rest) {
    return remember(new NativeModule(bytes, ...rest), urlOf(bytes));
  };
  WebAssembly.Module.prototype = NativeModule.prototype;
  Object.setPrototypeOf(WebAssembly.Module, NativeModule);
  WebAssembly.Instance = function Instance(module, imports) {
    return record(urls.get(module), new NativeInstance(module, imports), imports, module);
  };
  WebAssembly.Instance.prototype = NativeInstance.prototype;
  Object.setPrototypeOf(WebAssembly.Instance, NativeInstance);
  return seen;
}

/** true/false for the instance's (exported or imported) memory, null when it has none. */
function memoryShared(instance, module, imports) {
  const memories = Object.values(instance.exports).filter((value) => value instanceof WebAssembly.Memory);
  if (module) {
    for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind === 'memory') memories.push(imports?.[from]?.[name]);
    }
  }
  const found = memories.filter((memory) => memory instanceof WebAssembly.Memory);
  if (found.length === 0) return null;
  return found.some((memory) => typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer);
}

/** What the page reports about its modules: the URL paths on this origin, in order, once each. */
export function describeModules(seen) {
  const paths = [];
  for (const { url } of seen) {
    if (!url) continue;
    const parsed = new URL(url, self.location.origin);
    if (parsed.origin === self.location.origin && !paths.includes(parsed.pathname)) paths.push(parsed.pathname);
  }
  return paths;
}
