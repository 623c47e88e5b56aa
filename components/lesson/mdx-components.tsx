/**
 * Every component a lesson's MDX may use, registered in one place. Interactive pieces are client leaves;
 * the rest renders on the server. Exercises and quizzes are ```exercise / ```quiz YAML fences handled by
 * CodeBlock (data, not JavaScript).
 */
import { Callout } from './callout';
import { CodeBlock } from './code-block';
import { Diagram } from './diagram';
import { InstructorNote } from './instructor-note';
import { OpenInEditor } from './open-in-editor';
import { ResetLab } from './reset-lab';
import { Run } from './run-command';
import { StartScenarioButton } from '@/components/instructor/start-scenario-button';

export const lessonComponents = { Callout, Diagram, InstructorNote, OpenInEditor, ResetLab, Run, StartScenarioButton, pre: CodeBlock };
