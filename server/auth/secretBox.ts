import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts small secrets at rest (two-factor secrets) with AES-256-GCM. The key comes from the
 * configuration or a key file, created on first start next to (not inside) the data folder, so a
 * copy of the database alone never reveals a secret.
 */
export function secretBox(key: Buffer) {
  if (key.length !== 32) throw new Error('a secret box needs a 32-byte key');
  const macKey = createHmac('sha256', key).update('veelzijdig mac key').digest();
  return {
    /** A keyed hash (HMAC-SHA-256): a copy of the database alone cannot test guesses against it. */
    mac: (text: string) => createHmac('sha256', macKey).update(text).digest('hex'),
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), sealed]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
        .join(':');
    },
    open(stored: string): string {
      const [version, iv, tag, sealed] = stored.split(':');
      if (version !== 'v1' || !iv || !tag || !sealed) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
export type SecretBox = ReturnType<typeof secretBox>;

/** The key as configured (hex), or read from its file, which is made (mode 600) when missing. */
export function loadSecretKey(hex: string | null, file: string): Buffer {
  if (hex) return Buffer.from(hex, 'hex');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another server starting at the same moment wrote it first: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}
