;; Shared, imported memory, but an active data segment: every instantiation re-copies it.
(module
  (import "env" "memory" (memory 1 4 shared))
  (data (i32.const 16) "initial state")
  (func (export "pb_bump") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.atomic.rmw.add))
