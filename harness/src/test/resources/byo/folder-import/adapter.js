// Like a wasm-bindgen-rayon package: pool workers import their own package by its folder URL.
import { initThreadPool, answer } from './pkg/fake_rayon.js';

export const meta = { name: 'folder-import', unit: 'step', defaultSize: 7 };

let size;

export async function setup({ workers, size: n }) {
  await initThreadPool(workers);
  size = n;
}

export function step() {
  return answer() * size;
}
