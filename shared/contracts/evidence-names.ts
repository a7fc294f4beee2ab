// The evidence capability's IPC channel names (no zod: the preload imports this file).
// Spread into CHANNELS in ../channels.ts; their schemas are in ./evidence.ts.

export const EVIDENCE_CHANNELS = [
  'evidence:list',
  'evidence:get',
  'evidence:facets',
  'evidence:text',
  'evidence:search',
  'evidence:update',
  'evidence:trash',
  'evidence:restore',
  'evidence:purge',
  'evidence:verify',
  'evidence:pickAndImport',
  'evidence:uploadBegin',
  'evidence:uploadChunk',
  'evidence:uploadCommit',
  'evidence:uploadAbort',
  'evidence:cancel',
  'evidence:export',
] as const;

export type EvidenceChannel = (typeof EVIDENCE_CHANNELS)[number];
