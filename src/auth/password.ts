/**
 * Password hashing: argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane),
 * the library's default algorithm. Hashes carry their parameters, so raising them later only
 * affects new hashes.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashSandi(sandi: string): Promise<string> {
  return hash(sandi, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password. Without a stored hash (unknown user) it still runs one verification
 * against a throwaway hash, so the answer takes as long as for a real account and response
 * times do not reveal which usernames exist.
 */
export async function cocokSandi(stored: string | undefined, sandi: string): Promise<boolean> {
  if (stored === undefined) {
    dummy ??= hashSandi('sandi-yang-tidak-pernah-cocok');
    await verify(await dummy, sandi).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, sandi);
  } catch {
    // A malformed stored hash is a refused login, not a server error.
    return false;
  }
}
