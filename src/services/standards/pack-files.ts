/** Reads the standard packs (`standards/<pack-id>/pack.yaml`) from disk and runs the pure pack loader. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, loadPacks } from '../../domain/standards/pack-loader.ts';
import type { PackError } from '../../domain/standards/pack-schema.ts';

/** The repository's `standards/` directory (resolved from this file, not from the working directory). */
export const DEFAULT_STANDARDS_DIR = fileURLToPath(new URL('../../../standards/', import.meta.url));

/** The pack file name inside each pack directory. */
export const PACK_FILE = 'pack.yaml';

/** Result of {@link loadStandardPacks}: the loader's result plus the directory that was read. */
export interface PackFilesResult extends LoadResult {
  dir: string;
}

/**
 * Reads every `<dir>/<pack-id>/pack.yaml` and loads them together. I/O problems (missing directory, a pack
 * directory without pack.yaml) are reported as errors alongside the validation errors; nothing throws.
 */
export async function loadStandardPacks(options: { dir?: string } = {}): Promise<PackFilesResult> {
  const dir = resolve(options.dir ?? DEFAULT_STANDARDS_DIR);
  const { texts, errors } = await readPackTexts(dir);
  const result = loadPacks(texts);
  return { dir, packs: result.packs, errors: [...errors, ...result.errors] };
}

/** Reads the pack texts of a standards directory: {directory name → YAML text}. */
export async function readPackTexts(
  dir: string,
): Promise<{ texts: Record<string, string>; errors: PackError[] }> {
  const texts: Record<string, string> = {};
  const errors: PackError[] = [];
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    errors.push({
      pack: '(standards)',
      path: dir,
      code: 'io',
      message: `无法读取标准包目录：${reason(err)}`,
    });
    return { texts, errors };
  }
  for (const name of names) {
    const file = join(dir, name, PACK_FILE);
    try {
      if (!(await stat(file)).isFile()) throw new Error(`${PACK_FILE} 不是文件`);
      texts[name] = await readFile(file, 'utf8');
    } catch (err) {
      errors.push({ pack: name, path: PACK_FILE, code: 'io', message: `无法读取 ${file}：${reason(err)}` });
    }
  }
  if (names.length === 0) {
    errors.push({ pack: '(standards)', path: dir, code: 'io', message: '目录中没有任何标准包' });
  }
  return { texts, errors };
}

const reason = (err: unknown): string =>
  err instanceof Error && 'code' in err && err.code === 'ENOENT'
    ? '文件不存在'
    : err instanceof Error
      ? err.message
      : String(err);
