/**
 * The built-in image registry and what a started container does now live in lib/sim/apps (the application
 * model); this module keeps the names the engine has always imported.
 */
export { IMAGE_FAMILIES as IMAGE_CATALOGUE, lookupImage, parseImageRef, pullErrorMessage, planContainer, stopsOnSigterm, type ImageRef, type ContainerPlan } from './apps';
