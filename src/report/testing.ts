/** Reads generated documents back for tests: the text of a .docx and of each PDF page. */
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface DocxBaca {
  /** word/document.xml as stored. */
  xml: string;
  /** Paragraph texts in order (table cells are paragraphs too). */
  paragraf: string[];
  /** Every footer part's XML. */
  footer: string[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export async function bacaDocx(buffer: Buffer): Promise<DocxBaca> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const paragraf = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join(''))).filter((t) => t.trim() !== '');
  const footer = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)?.async('string') ?? Promise.resolve('')));
  return { xml, paragraf, footer };
}

export interface PdfHalaman {
  teks: string;
  /** Text in the bottom 50 pt: the page number. */
  footer: string;
  lebar: number;
  tinggi: number;
}

export async function bacaPdf(buffer: Buffer): Promise<PdfHalaman[]> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  const pages: PdfHalaman[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    let teks = '';
    let footer = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const baseline = Number((item.transform as unknown[])[5] ?? 0);
      if (baseline < 50) footer += item.str;
      else teks += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push({ teks, footer: footer.trim(), lebar: viewport.width, tinggi: viewport.height });
  }
  await pdf.destroy();
  return pages;
}
