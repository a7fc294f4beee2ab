// Signing and verifying application packages (main process only: the private key never
// leaves it). Plain Node, no electron import, so the CLI and tests use it directly.
export { createSigningIdentity, createSigningIdentityAsync, certFingerprint, pemToDer, type SigningIdentity, type IdentityOptions } from './identity';
export { sign, signFile, CmsSigner, SigningError } from './sign';
export { verifyPackage, type VerifyReport, type ExhibitCheck } from './verify';
