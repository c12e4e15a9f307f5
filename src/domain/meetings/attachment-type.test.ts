import { describe, expect, it } from 'vitest';
import { sniffAttachmentType } from './attachment-type.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('meeting attachment types by magic bytes', () => {
  it('recognises jpeg, png, webp and pdf', () => {
    expect(sniffAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffAttachmentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffAttachmentType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffAttachmentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses other content whatever its name, and truncated headers', () => {
    expect(sniffAttachmentType(bytes('PK', [3, 4]))).toBeNull(); // docx / xlsx / zip
    expect(sniffAttachmentType(bytes('GIF89a'))).toBeNull();
    expect(sniffAttachmentType(bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toBeNull();
    expect(sniffAttachmentType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffAttachmentType(bytes('%PDF'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
  });
});
