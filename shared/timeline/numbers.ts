// Phone numbers and SMS senders as keys: "+86 138-0013-8000", "008613800138000" and
// "13800138000" are one number; "00861095188" (Beijing 010 95188) becomes "01095188".
// Isomorphic.

/** A comparable key for a number or sender; '' when there is nothing to compare. */
export function numberKey(raw: string | null | undefined): string {
  if (!raw) return '';
  let s = raw.normalize('NFKC').trim();
  // Senders can be names ("ICBC", "中国银行"): compare them case-insensitively, as written.
  if (!/^[+\d\s\-().]+$/.test(s)) return s.toUpperCase().replace(/\s+/g, '');
  s = s.replace(/[\s\-().]/g, '');
  let national = s;
  let hadCountry = false;
  if (national.startsWith('+86')) {
    national = national.slice(3);
    hadCountry = true;
  } else if (national.startsWith('0086')) {
    national = national.slice(4);
    hadCountry = true;
  } else if (/^861[3-9]\d{9}$/.test(national)) {
    national = national.slice(2);
    hadCountry = true;
  } else if (national.startsWith('+')) {
    return national; // another country: keep it whole
  }
  if (hadCountry && !/^1[3-9]\d{9}$/.test(national) && !/^(400|800)\d{7}$/.test(national) && national.length >= 7 && !national.startsWith('0')) {
    // A landline after the country code lost its trunk 0 (86 10 xxxx → 010 xxxx).
    if (/^(10|2\d)\d{5,8}$/.test(national) || national.length >= 9) national = `0${national}`;
  }
  return national;
}

/**
 * The short service number inside a landline form: "01095188" → "95188" (banks and
 * platforms answer on 95xxx / 96xxx from every area code). null when there is none.
 */
export function serviceNumberWithin(key: string): string | null {
  const m = /^0(?:10|2\d|[3-9]\d{2})(9[56]\d{3,4})$/.exec(key);
  return m ? m[1]! : null;
}

/** True for an 11-digit mainland mobile number. */
export function isMobile(key: string): boolean {
  return /^1[3-9]\d{9}$/.test(key);
}
