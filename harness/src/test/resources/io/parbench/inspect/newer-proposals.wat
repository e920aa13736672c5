;; Encodings the walker knows beyond what the test oracle (Chicory) decodes: legacy exception
;; handling, relaxed SIMD, memory64 and multi-memory memory arguments. Hand-counted in the test.
(module
  (tag $oops (param i32))
  (memory $small 1)
  (memory $big i64 1)

  (func (export "legacy_exceptions") (param i32) (result i32)
    try
      i32.const 1
      throw $oops
    catch $oops
      drop
    catch_all
      rethrow 0
    end
    try
      nop
    delegate 0
    local.get 0)

  (func (export "relaxed_simd") (param i32) (result i32)
    f32x4.relaxed_madd
    i8x16.relaxed_swizzle
    i16x8.relaxed_q15mulr_s
    drop
    local.get 0)

  (func (export "memories") (param i32) (result i32)
    i32.load $big offset=0xffffffff
    i32.store $small offset=4
    i64.load8_u $big
    memory.size $big
    memory.copy $big $small
    local.get 0))
