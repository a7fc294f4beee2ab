// The application package's IPC channel names (no zod: the preload imports this file).
// Spread into CHANNELS in ../channels.ts.

export const PACKAGE_CHANNELS = [
  'package:draft',
  'package:identity',
  'package:signatureGet',
  'package:signatureSet',
  'package:signatureClear',
  'package:uploadBegin',
  'package:uploadChunk',
  'package:finish',
  'package:save',
  'package:discard',
  'package:verify',
  'package:list',
] as const;

export type PackageChannel = (typeof PACKAGE_CHANNELS)[number];
