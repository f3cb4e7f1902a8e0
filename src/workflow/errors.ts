/**
 * Why a command refused. The server turns each into its HTTP answer (src/server/errors.ts);
 * the CLI or a job runner can use the same commands and print the message instead.
 */
export interface Masalah {
  path: string;
  message: string;
}

export class TidakDitemukan extends Error {
  override name = 'TidakDitemukan';
}

export class Dilarang extends Error {
  override name = 'Dilarang';
  constructor(message = 'tidak berwenang') {
    super(message);
  }
}

export class MasukanTidakSah extends Error {
  override name = 'MasukanTidakSah';
  constructor(readonly issues: Masalah[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

/** The client edited an older version than the stored one; `current` is what is stored now. */
export class VersiUsang<T = unknown> extends Error {
  override name = 'VersiUsang';
  constructor(readonly current: T) {
    super('data telah diubah orang lain; muat ulang lalu ulangi');
  }
}

/**
 * A record with the same key exists already (a username, a row id), possibly created by a
 * concurrent request a moment earlier. `issues` names the field when the command knows it.
 */
export class SudahAda extends Error {
  override name = 'SudahAda';
  constructor(
    message: string,
    readonly issues: Masalah[] = [],
  ) {
    super(message);
  }
}

export class StatusTidakSesuai extends Error {
  override name = 'StatusTidakSesuai';
}

export class Terkunci extends Error {
  override name = 'Terkunci';
  constructor(readonly alasan: string) {
    super(alasan);
  }
}
