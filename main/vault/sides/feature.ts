// The creditor-side feature module (registered in ../features.ts).
import type { FeatureContext } from '../feature';
import type { AgentSave, SideSet } from '../../../shared/contracts/sides';
import * as service from './service';

export const sidesFeature = {
  get: (ctx: FeatureContext) => service.getSides(ctx.vault()),
  saveAgent: (ctx: FeatureContext, save: AgentSave) => service.saveAgent(ctx.vault(), save),
  deleteAgent: (ctx: FeatureContext, id: string) => service.deleteAgent(ctx.vault(), id),
  setContactSide: (ctx: FeatureContext, id: string, side: SideSet, wholeNumber?: boolean) => service.setContactSide(ctx.vault(), id, side, wholeNumber ?? false),
  setEvidenceSide: (ctx: FeatureContext, id: string, side: SideSet) => service.setEvidenceSide(ctx.vault(), id, side),
};
