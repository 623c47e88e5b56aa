/**
 * lib/sim public entry: the deterministic Kubernetes simulator.
 * See README.md for the API, time model and how to add a controller.
 */
export { createSimulator } from './simulator';
export { DEFAULT_TIMINGS, DEFAULT_START_TIME } from './timings';
export { IMAGE_CATALOGUE, lookupImage, parseImageRef } from './images';
export { K8S_VERSION } from './controllers/system-pods';
export type * from './types';
