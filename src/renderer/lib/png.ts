/**
 * "Grafiek opslaan als PNG": the chart's SVG (recharts draws SVG) is serialised,
 * drawn on a canvas with a title and legend, and downloaded. Everything happens
 * locally: a data: URL image, no network, no external fonts.
 */
import { downloadBlob, slug } from './download';

export interface LegendItem {
  label: string;
  color: string;
}

const SCALE = 2;

export async function chartToPngBlob(
  container: Element,
  title: string,
  legend: readonly LegendItem[] = [],
): Promise<Blob> {
  // the chart's own surface; legend icons are small svg.recharts-surface elements too
  const svg = container.querySelector('.recharts-wrapper > svg') ?? container.querySelector('svg');
  if (!svg) throw new Error('Geen grafiek gevonden om op te slaan.');
  const rect = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width));
  const height = Math.max(1, Math.round(rect.height));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', 'DejaVu Sans, Segoe UI, Arial, sans-serif');
  const xml = new XMLSerializer().serializeToString(clone);
  const img = new Image();
  img.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('De grafiek kon niet worden omgezet naar een afbeelding.'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
  await loaded;

  const headerH = 44;
  const legendRows = Math.ceil(legend.length / 3);
  const legendH = legendRows > 0 ? legendRows * 22 + 12 : 0;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = (height + headerH + legendH) * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas is niet beschikbaar.');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + headerH + legendH);
  ctx.fillStyle = '#111111';
  ctx.font = 'bold 18px DejaVu Sans, Segoe UI, Arial, sans-serif';
  ctx.fillText(title, 12, 28);
  ctx.drawImage(img, 0, headerH, width, height);
  ctx.font = '13px DejaVu Sans, Segoe UI, Arial, sans-serif';
  const colW = width / 3;
  legend.forEach((item, i) => {
    const x = 12 + (i % 3) * colW;
    const y = headerH + height + 8 + Math.floor(i / 3) * 22;
    ctx.fillStyle = item.color;
    ctx.fillRect(x, y + 2, 14, 14);
    ctx.fillStyle = '#111111';
    ctx.fillText(item.label, x + 20, y + 14, colW - 28);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG maken is mislukt.'))), 'image/png'),
  );
}

export async function saveChartAsPng(
  container: Element,
  title: string,
  legend: readonly LegendItem[] = [],
): Promise<void> {
  const blob = await chartToPngBlob(container, title, legend);
  downloadBlob(blob, `${slug(title)}.png`);
}
