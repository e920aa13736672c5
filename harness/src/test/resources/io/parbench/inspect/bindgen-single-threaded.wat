;; The shape of a Rust + wasm-bindgen module built without atomics: an own, exported, unshared memory.
(module
  (import "wbg" "__wbindgen_throw" (func $throw (param i32 i32)))
  (memory (export "memory") 17)
  (func $stub (param i32) (result i32) local.get 0)
  (export "greet" (func $stub))
  (export "__wbindgen_malloc" (func $stub)))
