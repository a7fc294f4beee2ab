// The registry of feature modules the vault session serves. Each capability adds its
// module here (one line) and keeps everything else in its own files.
import type { FeatureModule } from './feature';
import { caseFeature } from './case/feature';
import { timelineFeature } from './timeline/feature';
import { evidenceFeature } from './evidence/module';
import { packageFeature } from './package/feature';
import { demoFeature } from '../demo/app-demo';
import { sidesFeature } from './sides/feature';
import { repaymentsFeature } from './repayments/feature';
import { ocrFeature } from './ocr/feature';

export const FEATURES = {
  case: caseFeature,
  timeline: timelineFeature,
  evidence: evidenceFeature,
  package: packageFeature,
  demo: demoFeature,
  sides: sidesFeature,
  repayments: repaymentsFeature,
  ocr: ocrFeature,
} satisfies Record<string, FeatureModule>;

export type Features = typeof FEATURES;
export type FeatureName = keyof Features;
