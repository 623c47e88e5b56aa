/**
 * Secrets and codes for classes. Join codes use an alphabet without look-alikes (no 0/O, 1/I/L) so they can be
 * read off a projector. 8 characters of 31 symbols ≈ 8.5 × 10¹¹ codes: at the join limit (20 tries per minute
 * per address) a guesser needs ~10⁵ years of tries per class. Keys and rejoin codes are stored only as hashes.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;
export const REJOIN_CODE_LENGTH = 12;

function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export const newJoinCode = () => randomCode(JOIN_CODE_LENGTH);
export const newRejoinCode = () => randomCode(REJOIN_CODE_LENGTH);
export const newInstructorKey = () => randomBytes(24).toString('base64url');
export const newId = () => randomBytes(12).toString('base64url');

/** Normalises what a person typed: case, spaces and dashes don't matter. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const CODE_PATTERN = new RegExp(`^[${ALPHABET}]+$`);
