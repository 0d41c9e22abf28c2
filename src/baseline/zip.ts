import { inflateRawSync } from 'node:zlib';

/** Largest file read out of an artifact; a bundle's JSON is far smaller, a zip bomb is not. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/**
 * Reads one file out of a zip archive (as GitHub serves artifacts): stored or deflated entries, via
 * the central directory. Returns undefined when the archive has no such file.
 */
export function readZipEntry(
  archive: Buffer,
  wanted: (name: string) => boolean,
): { name: string; data: Buffer } | undefined {
  const end = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(offset) !== 0x02014b50)
      throw new Error('the artifact is not a valid zip (bad central directory)');
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const size = archive.readUInt32LE(offset + 24);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localOffset = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (size > MAX_ENTRY_BYTES)
      throw new Error(`${name} in the artifact is ${size} bytes; the limit is ${MAX_ENTRY_BYTES}`);
    const dataStart =
      localOffset + 30 + archive.readUInt16LE(localOffset + 26) + archive.readUInt16LE(localOffset + 28);
    const raw = archive.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) return { name, data: Buffer.from(raw) };
    if (method === 8) return { name, data: inflateRawSync(raw, { maxOutputLength: MAX_ENTRY_BYTES }) };
    throw new Error(`${name} in the artifact uses zip compression method ${method}, which is not supported`);
  }
  return undefined;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let offset = archive.length - 22; offset >= Math.max(0, archive.length - 22 - 65_535); offset--) {
    if (archive.readUInt32LE(offset) === 0x06054b50) return offset;
  }
  throw new Error('the artifact is not a zip archive');
}
