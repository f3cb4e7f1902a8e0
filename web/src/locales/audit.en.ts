import type { auditID } from './audit.id.ts';

/** Strings of the audit log screen (English). */
export const auditEN: typeof auditID = {
  menu: 'Audit Log',
  judul: 'Audit log',
  ket: 'Every change of data is recorded: who, when, record, field, old value and new value. The log cannot be changed or deleted.',
  pengguna: 'User (username)',
  entitas: 'Kind of data',
  semua: 'All',
  kunci: 'Record (key or its beginning)',
  kunciContoh: 'e.g. disnakertrans/2024/1/IKU-1',
  dari: 'From date',
  sampai: 'To date',
  cari: 'Show',
  kosong: 'No change matches the filter.',
  pada: 'Time',
  oleh: 'By',
  rekaman: 'Record',
  kolom: 'Field',
  lama: 'Old value',
  baru: 'New value',
  permintaan: 'Request ID',
  sebelumnya: 'Previous',
  berikutnya: 'Next',
  gagal: 'The audit log could not be loaded.',
  tanggalTidakSah: '"To date" must be on or after "From date".',
};
