/**
 * The dashboard's charts, in their own chunk: recharts is the largest library of the app and
 * the tables above the charts already carry every figure, so the page is usable before it loads.
 */
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPersen } from '../format.ts';

export interface TitikCapaian {
  label: string;
  nama: string;
  capaian: number;
  fill: string;
}

export interface TitikTren {
  label: string;
  nama: string;
  ini: number | null;
  lalu: number | null;
}

const gayaGrafik = { width: '100%', height: 280 } as const;

function persenTooltip(v: unknown): string {
  return typeof v === 'number' ? formatPersen(v) : '–';
}

export function GrafikCapaian({ data, judul }: { data: TitikCapaian[]; judul: string }) {
  return (
    <figure className="grafik" aria-label={judul}>
      <BarChart data={data} style={gayaGrafik} responsive margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(v: number) => `${v}%`} width={48} tick={{ fontSize: 12 }} />
        <Tooltip formatter={persenTooltip} labelFormatter={(_l, p) => (p[0]?.payload as TitikCapaian | undefined)?.nama ?? ''} />
        <ReferenceLine y={100} stroke="#57606a" strokeDasharray="4 4" />
        <Bar dataKey="capaian" name={judul} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

export function GrafikTren({ data, judul, labelIni, labelLalu }: { data: TitikTren[]; judul: string; labelIni: string; labelLalu: string }) {
  return (
    <figure className="grafik" aria-label={judul}>
      <BarChart data={data} style={gayaGrafik} responsive margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(v: number) => `${v}%`} width={48} tick={{ fontSize: 12 }} />
        <Tooltip formatter={persenTooltip} labelFormatter={(_l, p) => (p[0]?.payload as TitikTren | undefined)?.nama ?? ''} />
        <Legend />
        <Bar dataKey="lalu" name={labelLalu} fill="#8c959f" isAnimationActive={false} />
        <Bar dataKey="ini" name={labelIni} fill="#1c5d99" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
