;; The import/export shape of a Rust + wasm-bindgen-rayon package built with atomics (names as in
;; wasm-bindgen's generated glue); the code is a stand-in with one futex wait and wake.
(module
  (import "./demo_bg.js" "__wbg_startWorkers_8b582d57e92bd2d4" (func $start_workers (param i32 i32 i32) (result i32)))
  (import "./demo_bg.js" "__wbg___wbindgen_throw_6ddd609b62940d55" (func $throw (param i32 i32)))
  (import "./demo_bg.js" "memory" (memory 18 16384 shared))
  (func $park (param i32)
    local.get 0
    i32.const 0
    i64.const -1
    memory.atomic.wait32
    drop
    local.get 0
    i32.const 1
    memory.atomic.notify
    drop)
  (func $stub (param i32) (result i32) local.get 0)
  (export "initThreadPool" (func $stub))
  (export "wbg_rayon_start_worker" (func $park))
  (export "wbg_rayon_poolbuilder_numThreads" (func $stub))
  (export "__wbg_wbg_rayon_poolbuilder_free" (func $park))
  (export "__wbindgen_malloc" (func $stub))
  (export "__wbindgen_thread_destroy" (func $park))
  (export "__wbindgen_start" (func $park)))
