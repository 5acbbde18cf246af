/** Mappings the user chose, remembered in the browser by the fingerprint of the file's header. */
import { headerFingerprint, mappingFromJson, mappingToJson } from '../ingest/map/mapping-json';
import type { Mapping } from '../ingest/map/mapping-types';

const PREFIX = 'mapping:';

/** What a lookup found: a usable mapping, or a stored one that no longer validates. */
export type Remembered =
  { mapping: Mapping; fingerprint: string } | { problem: string; fingerprint: string };

export class RememberedMappings {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  lookup(header: readonly string[]): Remembered | undefined {
    const fingerprint = headerFingerprint(header);
    const json = this.storage.getItem(PREFIX + fingerprint);
    if (json === null) return undefined;
    try {
      return { mapping: mappingFromJson(json, header.length), fingerprint };
    } catch (error) {
      // mappingFromJson's refusals are Errors naming the fault; anything else is a bug.
      if (!(error instanceof Error) || error instanceof TypeError) throw error;
      return { problem: error.message, fingerprint };
    }
  }

  remember(header: readonly string[], mapping: Mapping): string {
    const fingerprint = headerFingerprint(header);
    this.storage.setItem(PREFIX + fingerprint, mappingToJson(mapping));
    return fingerprint;
  }

  forget(header: readonly string[]): void {
    this.storage.removeItem(PREFIX + headerFingerprint(header));
  }
}

/** The browser's store, or an in-memory one where localStorage is unavailable (private mode, tests). */
export function browserMappings(): RememberedMappings {
  try {
    const probe = '__probe__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return new RememberedMappings(localStorage);
  } catch (error) {
    if (!(error instanceof DOMException || error instanceof ReferenceError)) throw error;
    const memory = new Map<string, string>();
    return new RememberedMappings({
      getItem: (k) => memory.get(k) ?? null,
      setItem: (k, v) => void memory.set(k, v),
      removeItem: (k) => void memory.delete(k)
    });
  }
}
