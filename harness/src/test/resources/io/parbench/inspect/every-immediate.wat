;; One of each immediate shape the instruction walker must decode (assembled with
;; wat2wasm --no-check: the stack types are deliberately not valid, the encodings are).
(module
  (type $unary (func (param i32) (result i32)))
  (import "env" "memory" (memory 1 2 shared))
  (table $tab 2 funcref)
  (elem $seg func $callee)
  (data $bytes "hello")
  (global $g (mut i32) (i32.const 0))
  (func $callee (type $unary) local.get 0)

  (func (export "control") (param i32) (result i32)
    (local i64 f32 f64 v128 externref)
    block
    end
    block (result i32)
      i32.const 1
    end
    block (type $unary)
    end
    loop
      br 0
    end
    i32.const 0
    if
      nop
    else
      unreachable
    end
    br_table 0 0 0 0
    br_if 0
    call $callee
    call_indirect $tab (type $unary)
    return_call $callee
    return_call_indirect $tab (type $unary)
    select
    select (result i32)
    select (result externref)
    drop
    return)

  (func (export "variables") (param i32) (result i32)
    local.get 0
    local.set 0
    local.tee 0
    global.get $g
    global.set $g
    table.get $tab
    table.set $tab
    ref.null func
    ref.null extern
    ref.is_null
    ref.func $callee
    table.size $tab
    table.grow $tab
    table.fill $tab)

  (func (export "numbers") (param i32) (result i32)
    i32.const -1
    i32.const 0x7fffffff
    i32.const -2147483648
    i64.const -9223372036854775808
    i64.const 0x7fffffffffffffff
    f32.const 1.5
    f64.const -2.25
    i32.add
    i64.extend32_s
    i32.trunc_sat_f32_s
    i64.trunc_sat_f64_u
    f64.promote_f32)

  (func (export "memory") (param i32) (result i32)
    i32.load offset=4 align=2
    i64.load offset=0x10000000
    f64.store offset=0xffffffff
    i32.store8
    memory.size
    memory.grow
    memory.init $bytes
    data.drop $bytes
    memory.copy
    memory.fill
    table.init $tab $seg
    elem.drop $seg
    table.copy $tab $tab)

  (func (export "simd") (param i32) (result i32)
    v128.const i32x4 1 2 3 4
    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
    i8x16.extract_lane_s 15
    f64x2.replace_lane 1
    v128.load offset=16
    v128.load8_lane 3
    v128.store64_lane offset=8 1
    v128.load32_zero
    i32x4.add
    f64x2.convert_low_i32x4_u)

  (func (export "atomics") (param i32) (result i32)
    memory.atomic.notify
    memory.atomic.wait32
    memory.atomic.wait64 offset=8
    atomic.fence
    i32.atomic.load
    i64.atomic.store offset=16
    i64.atomic.rmw.cmpxchg offset=8
    i32.atomic.rmw8.add_u))
