/**
 * Colours of the rating bands. The pemda's own bands (with colours) are not in the API yet, so
 * the labels of the default scale get fixed colours and any other label is grey.
 */
const WARNA: Record<string, string> = {
  'Sangat Berhasil': '#1a7f37',
  Berhasil: '#4c9f38',
  'Cukup Berhasil': '#d4a72c',
  'Kurang Berhasil': '#cf222e',
  // The five-band preset admin pemda can choose in the settings.
  'Sangat Tinggi': '#1a7f37',
  Tinggi: '#4c9f38',
  Sedang: '#d4a72c',
  Rendah: '#e16f24',
  'Sangat Rendah': '#cf222e',
};

export const WARNA_ABU = '#6e7781';

export function warnaPredikat(label: string | null | undefined): string {
  return (label && WARNA[label]) || WARNA_ABU;
}

/** Text colour that stays readable on the band colour (the yellow band needs dark text). */
export function teksDiAtas(label: string | null | undefined): string {
  return label === 'Cukup Berhasil' || label === 'Sedang' ? '#1f2328' : '#ffffff';
}
