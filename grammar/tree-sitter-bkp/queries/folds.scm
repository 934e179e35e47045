[
  (record)
  (list)
  (plan_body)
  (arguments)
] @fold
