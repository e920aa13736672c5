// What went wrong in a user's adapter or module, in words: exceptions unwrapped (a C++ exception
// arrives as an opaque WebAssembly.Exception), WebAssembly traps with what usually causes them,
// where the error came from (a line of the user's JavaScript, or a function of their module),
// and imports that cannot work in a module worker.

/**
 * The error as one line: "Name: message", with a C++ exception's type and what(), or a trap's
 * usual cause.
 *
 * @param modules the instantiated modules (see modules.js), to read a C++ exception's message
 */
export function errorText(e, modules = []) {
  if (typeof WebAssembly.Exception === 'function' && e instanceof WebAssembly.Exception) return cppException(e, modules);
  if (isEmscriptenCppException(e)) return cppExceptionAt(e.excPtr, modules, 'a C++ exception');
  if (e instanceof WebAssembly.RuntimeError) {
    const hint = trapHint(e.message);
    return `${e.name}: ${e.message}${hint ? ` (${hint})` : ''}`;
  }
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return typeof e === 'string' ? e : String(e);
}

/** Joins sentences, adding a full stop only where the first has none. */
export function sentence(text) {
  return /[.!?)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** What a WebAssembly trap usually means; the message differs between browsers. */
function trapHint(message) {
  const m = message.toLowerCase();
  if (/out of bounds memory|memory access out of bounds|index out of bounds/.test(m)) {
    return 'the module read or wrote outside its memory: a bad or stale pointer, a buffer too small for its input, '
      + 'or memory that could not grow any more (its maximum, or a fixed INITIAL_MEMORY without ALLOW_MEMORY_GROWTH)';
  }
  if (/unreachable/.test(m)) {
    return "the module aborted (it reached an 'unreachable': abort(), a failed assert, a Rust panic); "
      + 'a debug build (-g, and -sASSERTIONS with Emscripten) says where';
  }
  if (/divi(de|sion) by zero/.test(m)) return 'an integer division by zero in the module';
  if (/signature mismatch|null function|indirect call/.test(m)) {
    return 'a call through a function pointer that is null or has the wrong type';
  }
  if (/call stack|recursion/.test(m)) return "the thread's stack ran out: deep recursion, or a stack too small for it";
  return null;
}

function isEmscriptenCppException(e) {
  return e instanceof Error && e.name === 'CppException' && typeof e.excPtr === 'number';
}

/** A C++ exception thrown through WebAssembly exception handling (-fwasm-exceptions). */
function cppException(e, modules) {
  for (const { instance } of modules) {
    const tag = instance.exports.__cpp_exception;
    if (!(tag instanceof WebAssembly.Tag) || !e.is(tag)) continue;
    const header = e.getArg(tag, 0);
    const thrown = typeof instance.exports.__thrown_object_from_unwind_exception === 'function'
      ? instance.exports.__thrown_object_from_unwind_exception(header) : header;
    return cppExceptionAt(thrown, [{ instance, imports: modules.find((m) => m.instance === instance)?.imports }],
      'a C++ exception, thrown as a WebAssembly.Exception');
  }
  const longjmp = modules.some(({ instance }) => instance.exports.__c_longjmp instanceof WebAssembly.Tag
    && e.is(instance.exports.__c_longjmp));
  if (longjmp) return 'WebAssembly.Exception: a longjmp() left the module (no setjmp() to return to)';
  return 'WebAssembly.Exception: an exception thrown by WebAssembly code that parbench cannot read '
    + '(not a C++ exception of a module this page instantiated)';
}

/**
 * "CppType: what()" of the thrown C++ object at `thrown`, read the way Emscripten's
 * getExceptionMessage does (through the module's __get_exception_message export, built with
 * -sEXPORT_EXCEPTION_HANDLING_HELPERS); without that export, says so.
 */
function cppExceptionAt(thrown, modules, what) {
  for (const { instance, imports } of modules) {
    const x = instance.exports;
    const memory = memoryOf(instance, imports);
    const alloc = x._emscripten_stack_alloc ?? x.stackAlloc;
    const save = x.emscripten_stack_get_current ?? x.stackSave;
    const restore = x._emscripten_stack_restore ?? x.stackRestore;
    if (typeof x.__get_exception_message !== 'function' || !memory || ![alloc, save, restore].every((f) => typeof f === 'function')) {
      continue;
    }
    const top = save();
    try {
      const typeAt = alloc(4);
      const messageAt = alloc(4);
      x.__get_exception_message(thrown, typeAt, messageAt);
      const words = new Uint32Array(memory.buffer);
      const type = cString(memory, words[typeAt >>> 2]);
      const message = words[messageAt >>> 2] ? cString(memory, words[messageAt >>> 2]) : null;
      if (typeof x.free === 'function') {
        x.free(words[typeAt >>> 2]);
        if (words[messageAt >>> 2]) x.free(words[messageAt >>> 2]);
      }
      return `${type}${message ? `: ${message.trim().replace(/\s*\n\s*/g, '; ')}` : ''} (${what})`;
    } catch {
      // The module is in no state to answer: say what is known.
    } finally {
      restore(top);
    }
  }
  return `${what} whose message parbench cannot read: the module does not export __get_exception_message `
    + '(Emscripten: link with -sEXPORT_EXCEPTION_HANDLING_HELPERS), or catch it in your adapter and rethrow an Error';
}

function memoryOf(instance, imports) {
  const exported = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory);
  if (exported) return exported;
  for (const table of Object.values(imports ?? {})) {
    const imported = Object.values(table ?? {}).find((v) => v instanceof WebAssembly.Memory);
    if (imported) return imported;
  }
  return null;
}

function cString(memory, at) {
  const bytes = new Uint8Array(memory.buffer);
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.slice(at, end));
}

/**
 * Where the error came from, as a URL the harness maps back to a file: the first stack frame in
 * the user's files (served at the root, not under /__parbench/) with its line and column, or for
 * a trap in WebAssembly the module's function and byte offset ("…/m.wasm:wasm-function[12]:0x3f").
 */
export function firstUserFrame(e) {
  if (!(e instanceof Error) || typeof e.stack !== 'string') return null;
  const origin = self.location.origin;
  const ours = (url) => url.startsWith(`${origin}/`) && !url.startsWith(`${origin}/__parbench/`);
  for (const line of e.stack.split('\n')) {
    const wasm = line.match(/(https?:\/\/[^\s()@]+?\.wasm)[^\s()]*?:wasm-function\[(\d+)\]:(0x[0-9a-f]+)/i);
    if (wasm && ours(wasm[1])) return `${wasm[1]}:wasm-function[${wasm[2]}]:${wasm[3]}`;
    const anonymous = line.match(/wasm-function\[(\d+)\]:(0x[0-9a-f]+)/i);
    if (anonymous) return `a WebAssembly module, function ${anonymous[1]} at byte ${anonymous[2]}`;
    const webkit = line.match(/wasm-function\[([^\]]+)\]@\[wasm code\]/); // WebKit names no module and no offset
    if (webkit) return `a WebAssembly module, function ${webkit[1]}`;
    const js = line.match(/(https?:\/\/[^\s()@]+:\d+:\d+)/);
    if (js && ours(js[1])) return js[1];
  }
  return null;
}

/**
 * The bare imports ('pkg', '@scope/pkg') in the adapter and the files it imports by relative path:
 * a module worker has no import maps, so nothing can resolve them. [{file, line, specifier}]
 */
export async function bareImports(adapterUrl, limit = 40) {
  const found = [];
  const queue = [adapterUrl];
  const visited = new Set();
  while (queue.length > 0 && visited.size < limit) {
    const url = queue.shift();
    if (visited.has(url)) continue;
    visited.add(url);
    let source;
    try {
      const response = await fetch(url);
      if (!response.ok) continue;
      source = await response.text();
    } catch {
      continue;
    }
    const pattern = /(?:\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?|\bexport\s*[\w*${}\s,]*?\s*from\s*|\bimport\s*\(\s*)(['"])([^'"\n]+)\1/g;
    for (const match of source.matchAll(pattern)) {
      const specifier = match[2];
      if (/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier)) {
        if (!/^[a-z][a-z0-9+.-]*:/i.test(specifier)) queue.push(new URL(specifier, url).href);
      } else {
        found.push({ file: url, line: source.slice(0, match.index).split('\n').length, specifier });
      }
    }
  }
  return found;
}
