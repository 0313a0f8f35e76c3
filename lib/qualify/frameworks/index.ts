import { FrameworkSchema, type Framework } from '@/lib/model/framework';
import { ANUM } from './anum';
import { BANT } from './bant';
import { CHAMP } from './champ';
import { FAINT } from './faint';
import { GPCTBA_CI } from './gpctba-ci';
import { MEDDIC } from './meddic';
import { MEDDPICC } from './meddpicc';

/** Every built-in framework, in the order the UI lists them. Adding one is a file and a line here. */
export const FRAMEWORKS: readonly Framework[] = [BANT, CHAMP, MEDDIC, MEDDPICC, ANUM, GPCTBA_CI, FAINT].map((input) =>
  FrameworkSchema.parse(input),
);

export const DEFAULT_FRAMEWORK: Framework = FRAMEWORKS[0]!;

/**
 * The framework with this id, looked up among the built-ins first and then the rep's own templates.
 * An unknown id (say, from an old backup or a deleted template) falls back to BANT rather than failing.
 */
export function getFramework(id: string, custom: readonly Framework[] = []): Framework {
  return FRAMEWORKS.find((f) => f.id === id) ?? custom.find((f) => f.id === id) ?? DEFAULT_FRAMEWORK;
}
