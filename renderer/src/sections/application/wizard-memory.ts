// What the person set up in the wizard survives a visit to another section (the shell
// mounts one section at a time): kept in this window's memory only, never on disk, and
// dropped the moment the vault locks (it holds their words about their hardship).
import { getApi } from '../../lib/api';
import type { PickedExhibit } from '../../../../shared/package/build-from-draft';
import type { DraftQuery } from './useDraft';
import type { Edits } from './wizard-state';

export interface WizardMemory {
  query: DraftQuery;
  edits: Edits;
  picks: PickedExhibit[] | null;
  step: string;
  digital: boolean;
  useHand: boolean;
}

let memory: WizardMemory | null = null;
let listening = false;

export function recallWizard(): WizardMemory | null {
  return memory;
}

export function rememberWizard(next: WizardMemory): void {
  memory = next;
  if (listening) return;
  const bridge = getApi();
  if (!bridge) return;
  listening = true;
  bridge.subscribe('vault:locked', () => {
    memory = null;
  });
}

export function forgetWizard(): void {
  memory = null;
}
