import { crc32, deflateRawSync } from 'node:zlib';

/** How {@link makeZip} writes its entries. */
export interface ZipOptions {
  /** `store` keeps the bytes as they are (method 0); default `deflate` (method 8). */
  method?: 'deflate' | 'store';
  /**
   * Sizes and CRC after the data, local header zeroed (bit 3), as streaming zippers such as
   * upload-artifact's archiver write them.
   */
  dataDescriptor?: boolean;
  /** The uncompressed size written in the headers instead of the true one: a lying archive. */
  declaredSize?: number;
}

/** A zip archive of deflated files, as `actions/upload-artifact` serves them (for the GitHub simulator). */
export function makeZip(files: Record<string, string | Buffer>, options: ZipOptions = {}): Buffer {
  const method = options.method === 'store' ? 0 : 8;
  const flags = options.dataDescriptor ? 0x0008 : 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = method === 0 ? data : deflateRawSync(data);
    const size = options.declaredSize ?? data.length;
    const nameBytes = Buffer.from(name);
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    if (!options.dataDescriptor) {
      local.writeUInt32LE(checksum, 14);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(size, 22);
    }
    local.writeUInt16LE(nameBytes.length, 26);
    const descriptor = Buffer.alloc(options.dataDescriptor ? 16 : 0);
    if (options.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(checksum, 4);
      descriptor.writeUInt32LE(packed.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed, descriptor);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
