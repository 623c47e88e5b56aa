/** The application model: what each container image's process does (data), and how a container runs it. */
export { IMAGE_FAMILIES, appModelFor, lookupImage, parseImageRef, pullErrorMessage, type ImageRef } from './registry';
export { runContainer, containerArgv, type ContainerProcess } from './run-container';
export { planContainer, stopsOnSigterm, type ContainerPlan } from './plan';
export { LITERAL_ENV_ONLY, type PodConfigResolver } from './container-env';
export type { AppModel, ImageFamily, HttpAnswer, LogLine } from './types';
export { appProcessView, processViewOf } from './process-view';
export type { ContainerProcessView, ProcessViewFactory, MemoryChangePoints } from '../prober/process-view';
