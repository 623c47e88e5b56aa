import { loadScenarios } from '@/lib/scenarios/catalog';

// Built once: scenarios are content files, validated at build time.
export const dynamic = 'force-static';

/** Every guided scenario (content/scenarios/*.yaml) as JSON, for instructor tools mounted in client components. */
export function GET() {
  return Response.json(loadScenarios());
}
