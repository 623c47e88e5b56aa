/**
 * Server-only: reads content/scenarios/*.yaml. Files that fail validation throw, so a broken scenario breaks the
 * build and the content test, never a live class.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Scenario } from './schema';
import { parseScenario } from './validate';

// Paths are spelled out from process.cwd() so the bundler traces only this folder.
const scenarioPath = (file: string) => path.join(process.cwd(), 'content', 'scenarios', file);

/** Scenario files on disk, sorted by name. */
export function scenarioFiles(): string[] {
  return fs.readdirSync(path.join(process.cwd(), 'content', 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
}

/** Load and validate every scenario; throws with every problem listed when any file is invalid. */
export function loadScenarios(): Scenario[] {
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  for (const file of scenarioFiles()) {
    const result = parseScenario(fs.readFileSync(scenarioPath(file), 'utf8'), file.replace(/\.yaml$/, ''));
    if (result.ok) scenarios.push(result.value);
    else problems.push(...result.errors.map((e) => `${file}: ${e}`));
  }
  if (problems.length) throw new Error(`시나리오 파일 오류:\n${problems.join('\n')}`);
  return scenarios.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
