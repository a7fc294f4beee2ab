// Passphrase policy shared by the create screen, main and the CLI.
export const MIN_PASSPHRASE_LENGTH = 10;

/** Length in user-perceived characters (a Chinese character or an emoji counts once). */
export function passphraseLength(passphrase: string): number {
  return Array.from(passphrase).length;
}

export function isLongEnough(passphrase: string): boolean {
  return passphraseLength(passphrase) >= MIN_PASSPHRASE_LENGTH;
}
