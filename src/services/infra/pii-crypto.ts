import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Encrypts ID numbers at rest (AES-256-GCM) and computes keyed lookup hashes (HMAC-SHA-256). */
export type PiiCrypto = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  lookupHash(plain: string): string;
};

/** Derives separate encryption and hashing keys from one secret. */
export function createPiiCrypto(secret: string): PiiCrypto {
  const master = Buffer.from(secret, 'utf8');
  const encKey = Buffer.from(hkdfSync('sha256', master, 'zhibu', 'pii-encryption-v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', master, 'zhibu', 'pii-lookup-v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
    },
    decrypt(stored) {
      const [v, iv, tag, ct] = stored.split(':');
      if (v !== 'v1') throw new Error('unknown PII cipher version');
      const d = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(ct, 'base64')), d.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}

/**
 * The secret: ZHIBU_SECRET, or a key generated once into `<dataDir>/secret.key` (mode 0600).
 * `warn` is called when the key file is created or used.
 */
export function resolveSecret(
  configured: string | undefined,
  dataDir: string,
  warn: (m: string) => void,
): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  warn(`未设置 ZHIBU_SECRET：已生成密钥文件 ${file}（权限 0600）。请备份此文件，丢失后身份证号将无法解密。`);
  return key;
}
