import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** The last log position the broker has acknowledged: the relay resumes after it. */
export interface RelayCheckpoint {
  /** 0 when nothing was published yet. */
  read(): Promise<number>;
  write(position: number): Promise<void>;
}

export class MemoryCheckpoint implements RelayCheckpoint {
  constructor(private position = 0) {}

  async read(): Promise<number> {
    return this.position;
  }

  async write(position: number): Promise<void> {
    this.position = position;
  }
}

/**
 * A checkpoint in a small JSON file. Written to a temporary file, fsynced, then renamed over the old one (and the
 * directory fsynced), so a crash leaves either the old or the new position, never a torn file.
 */
export class FileCheckpoint implements RelayCheckpoint {
  constructor(readonly path: string) {}

  async read(): Promise<number> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const position = (JSON.parse(text) as { position?: unknown }).position;
    if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0)
      throw new Error(`Relay checkpoint ${this.path} is corrupt: ${text.slice(0, 200)}`);
    return position;
  }

  async write(position: number): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, `${JSON.stringify({ position, writtenAt: new Date().toISOString() })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.path);
    // The rename itself is durable only once the directory entry is flushed.
    const dir = openSync(dirname(this.path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }
}
