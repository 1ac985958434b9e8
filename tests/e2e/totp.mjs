// TOTP codes for the browser tests (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1,
// 30-second steps, 6 digits, the defaults every authenticator app uses.
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 to bytes; case, spaces, dashes and '=' padding are ignored. */
export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const c of clean) {
    const index = BASE32.indexOf(c);
    if (index < 0) throw new Error(`not a base32 character: '${c}' in '${text}'`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  if (bytes.length === 0) throw new Error('empty TOTP secret');
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP of a key (Buffer) and counter. */
export function hotp(key, counter, digits = DIGITS) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The 30-second step a moment falls in (unix seconds, may be fractional). */
export function totpStep(unixSeconds = Date.now() / 1000) {
  return Math.floor(unixSeconds / STEP_SECONDS);
}

/** The code of a step, for a base32 secret. */
export function codeForStep(base32Secret, step) {
  return hotp(base32Decode(base32Secret), step);
}

/** The 6-digit TOTP code of a base32 secret at a moment (default: now). */
export function totp(base32Secret, unixSeconds = Date.now() / 1000) {
  return codeForStep(base32Secret, totpStep(unixSeconds));
}

/**
 * A code the server has not seen yet. Servers refuse a code of a step they
 * already accepted (RFC 6238 5.2), so when the current step is not later than
 * `lastStepUsed` this waits for the next step (at most 30 s, plus a little).
 * Resolves to { code, step }; pass `step` as lastStepUsed next time.
 */
export async function freshCode(base32Secret, lastStepUsed = -1, { maxWaitMs = 35_000 } = {}) {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const now = Date.now();
    const step = totpStep(now / 1000);
    if (step > lastStepUsed) return { code: codeForStep(base32Secret, step), step };
    if (now >= deadline) throw new Error(`TOTP step ${lastStepUsed} did not end within ${maxWaitMs} ms`);
    // Wake just after the step boundary.
    const untilNext = (lastStepUsed + 1) * STEP_SECONDS * 1000 - now + 50;
    await sleep(Math.min(Math.max(untilNext, 10), deadline - now));
  }
}

/**
 * A 6-digit code that is wrong for this secret around `unixSeconds`: it
 * matches none of the steps within +-`reach` of it.
 */
export function wrongCode(base32Secret, unixSeconds = Date.now() / 1000, reach = 3) {
  const step = totpStep(unixSeconds);
  const near = new Set();
  for (let s = step - reach; s <= step + reach; s++) near.add(codeForStep(base32Secret, s));
  for (let n = 0; ; n++) {
    const candidate = String((123456 + n * 111111) % 1_000_000).padStart(DIGITS, '0');
    if (!near.has(candidate)) return candidate;
  }
}
