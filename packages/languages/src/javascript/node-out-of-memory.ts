/**
 * What Node.js writes to stderr when memory runs out: V8's fatal "JavaScript heap out of
 * memory" (the heap reached its limit), "Allocation failed" (V8 could not map memory), and the
 * `RangeError: Array buffer allocation failed` an `ArrayBuffer` or `Buffer` gets when its
 * backing store cannot be allocated (e.g. under the address-space limit).
 */
export const NODE_OUT_OF_MEMORY =
  /heap out of memory|Allocation failed|Array buffer allocation failed/;
