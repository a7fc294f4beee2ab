// The registry of feature modules the vault session serves. Each capability adds its
// module here (one line) and keeps everything else in its own files.
import type { FeatureModule } from './feature';

export const FEATURES = {} satisfies Record<string, FeatureModule>;

export type Features = typeof FEATURES;
export type FeatureName = keyof Features;
