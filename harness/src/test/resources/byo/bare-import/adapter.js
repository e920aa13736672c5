// Imports a package by name, as code written for a bundler does: a module worker cannot resolve it.
import { version } from '@tensorflow/tfjs-core';

export const meta = { name: 'bare-import' };

export async function setup() {}

export function step() {
  return version;
}
