;; The import/export shape of an Emscripten -pthread build (names as emcc 3.1 emits them); the code
;; is a stand-in.
(module
  (import "env" "__pthread_create_js" (func $create (param i32 i32 i32 i32) (result i32)))
  (import "env" "emscripten_receive_on_main_thread_js" (func $on_main (param i32 i32 i32) (result f64)))
  (import "env" "emscripten_get_now" (func $now (result f64)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 256 256 shared))
  (func $wait (param i32)
    local.get 0
    i32.const 0
    i64.const -1
    memory.atomic.wait32
    drop)
  (export "_emscripten_thread_init" (func $wait))
  (export "_emscripten_thread_free_data" (func $wait))
  (export "pthread_self" (func $wait))
  (export "emscripten_stack_set_limits" (func $wait)))
