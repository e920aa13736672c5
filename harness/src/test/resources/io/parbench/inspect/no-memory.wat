;; A module with no linear memory at all.
(module
  (func (export "pb_answer") (result i32) i32.const 42))
