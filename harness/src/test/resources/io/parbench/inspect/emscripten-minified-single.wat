;; The import/export shape of an Emscripten -O3 build without -pthread, as wasm-opt minifies it
;; (@ffmpeg/core, ort-wasm-simd.wasm): every import from module "a" under a short name, the
;; memory among them, not shared. The code is a stand-in.
(module
  (import "a" "a" (memory 256 32768))
  (import "a" "b" (func (param i32) (result i32)))
  (import "a" "c" (func (param i32 i32) (result i32)))
  (import "a" "d" (func (param i32)))
  (import "a" "e" (func (result f64)))
  (import "a" "f" (func (param i32 i32 i32) (result i32)))
  (import "a" "g" (func (param i32)))
  (import "a" "h" (func))
  (import "a" "i" (func (param i32 i32)))
  (func $f (param i32) (result i32) local.get 0 i32.load)
  (export "j" (func $f))
  (export "k" (func $f)))
