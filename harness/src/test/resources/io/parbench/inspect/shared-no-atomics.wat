;; Shared, imported memory, but code without a single atomic instruction.
(module
  (import "env" "memory" (memory 1 4 shared))
  (func (export "pb_load") (param i32) (result i32)
    local.get 0
    i32.load))
