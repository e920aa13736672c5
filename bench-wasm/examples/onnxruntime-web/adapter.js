// parbench adapter for onnxruntime-web 1.30.0: one inference of a two-layer perceptron,
// y = relu(x·w1)·w2 on n×n matrices (n = the size, default 256), built in code as an ONNX model.
// Run: parbench run --engines byo --adapter bench-wasm/target/examples/onnxruntime-web/adapter.js
//
// Threads: W workers = ort.env.wasm.numThreads = W, ONNX Runtime's intra-op thread pool: the
// calling thread (parbench's driver) and W-1 pthreads. Left unset (--adapter-param threads=default),
// ONNX Runtime takes min(4, ceil(navigator.hardwareConcurrency / 2)), and 1 on a page that is not
// cross-origin isolated. InferenceSession.run() is asynchronous, so step() returns its promise: parbench awaits
// each step and shows what awaiting costs beside the result.
//
// Checksum: the output's FNV-1a. The inputs are small integers, so every product and sum is exact
// in float32 and every thread count and browser computes the same output.
import * as ort from './ort.wasm.min.mjs';
import { fnv1a64, smallIntegers } from './checksum.js';

export const meta = { name: 'onnxruntime-mlp', unit: 'inference', defaultSize: 256 };

let session;
let feeds;
let last;

export async function setup({ workers, size, seed, params }) {
  if (params.threads !== 'default') ort.env.wasm.numThreads = workers;
  // ONNX Runtime loads its .mjs and .wasm from here (the driver worker's own URL is parbench's).
  ort.env.wasm.wasmPaths = new URL('./', import.meta.url).href;
  const random = smallIntegers(seed);
  session = await ort.InferenceSession.create(perceptron(size, random), { executionProviders: ['wasm'] });
  feeds = { x: new ort.Tensor('float32', Float32Array.from({ length: size * size }, random), [size, size]) };
}

export async function step() {
  last = (await session.run(feeds)).y;
}

export function checksum() {
  return fnv1a64(last.data);
}

export function threads() {
  return ort.env.wasm.numThreads;
}

export async function teardown() {
  await session?.release();
}

// --- the model: an ONNX ModelProto written as protobuf, field numbers as in onnx.proto --------
// ModelProto: 1 ir_version, 2 producer_name, 7 graph, 8 opset_import. GraphProto: 1 node, 2 name,
// 5 initializer, 11 input, 12 output. NodeProto: 1 input, 2 output, 4 op_type. TensorProto: 1 dims,
// 2 data_type (1: float), 8 name, 9 raw_data. ValueInfoProto: 1 name, 2 type; TypeProto: 1 tensor
// type (1 elem_type, 2 shape); TensorShapeProto: 1 dim (1 dim_value).
function perceptron(n, random) {
  const weights = (name) => tensor(name, [n, n], Float32Array.from({ length: n * n }, random));
  const graph = [
    ...field(1, node(['x', 'w1'], ['h'], 'MatMul')),
    ...field(1, node(['h'], ['r'], 'Relu')),
    ...field(1, node(['r', 'w2'], ['y'], 'MatMul')),
    ...field(2, text('mlp')),
    ...field(5, weights('w1')),
    ...field(5, weights('w2')),
    ...field(11, valueInfo('x', [n, n])),
    ...field(12, valueInfo('y', [n, n])),
  ];
  return Uint8Array.from([
    ...varintField(1, 8),                               // ir_version
    ...field(2, text('parbench')),                      // producer_name
    ...field(7, graph),
    ...field(8, [...field(1, text('')), ...varintField(2, 17)]), // opset_import: ai.onnx 17
  ]);
}

function node(inputs, outputs, op) {
  return [...inputs.flatMap((i) => field(1, text(i))), ...outputs.flatMap((o) => field(2, text(o))), ...field(4, text(op))];
}

function tensor(name, dims, values) {
  return [...dims.flatMap((d) => varintField(1, d)), ...varintField(2, 1), ...field(8, text(name)),
    ...field(9, new Uint8Array(values.buffer))];
}

function valueInfo(name, dims) {
  const shape = dims.flatMap((d) => field(1, varintField(1, d)));
  return [...field(1, text(name)), ...field(2, field(1, [...varintField(1, 1), ...field(2, shape)]))];
}

function text(s) {
  return new TextEncoder().encode(s);
}

function field(number, bytes) {
  return [...varint(number * 8 + 2), ...varint(bytes.length), ...bytes];
}

function varintField(number, value) {
  return [...varint(number * 8), ...varint(value)];
}

function varint(value) {
  const out = [];
  for (; value >= 0x80; value = Math.floor(value / 128)) out.push((value % 128) | 0x80);
  out.push(value);
  return out;
}
