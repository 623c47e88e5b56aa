/**
 * Server-only: reads content/scenarios/*.yaml. Files that fail validation throw, so a broken scenario breaks the
 * build and the content test, never a live class.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Scenario } from './schema';
import { parseScenario } from './validate';

export const SCENARIOS_DIR = path.join(process.cwd(), 'content', 'scenarios');

/** Scenario files on disk, sorted by name. */
export function scenarioFiles(dir = SCENARIOS_DIR): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
}

/** Load and validate every scenario; throws with every problem listed when any file is invalid. */
export function loadScenarios(dir = SCENARIOS_DIR): Scenario[] {
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  for (const file of scenarioFiles(dir)) {
    const result = parseScenario(fs.readFileSync(path.join(dir, file), 'utf8'), file.replace(/\.yaml$/, ''));
    if (result.ok) scenarios.push(result.value);
    else problems.push(...result.errors.map((e) => `${file}: ${e}`));
  }
  if (problems.length) throw new Error(`시나리오 파일 오류:\n${problems.join('\n')}`);
  return scenarios.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
