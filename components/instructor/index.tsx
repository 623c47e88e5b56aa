/**
 * Instructor mode: guided scenarios, share links, presenter view, control-plane flow, record and replay.
 * Mount `<InstructorTools />` inside a PlaygroundProvider, beside the Playground.
 */
export { InstructorTools, type InstructorToolsProps } from './instructor-tools';
export { ControlPlaneFlow } from './control-plane-flow';
export { ShareLinkButton } from './share-link-button';
export { RecordReplay } from './record-replay';
export { ScenarioPanel } from './scenario-panel';
export { StartScenarioButton } from './start-scenario-button';
