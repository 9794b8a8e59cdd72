// QR code for a hand-off link, shown on the desktop for the phone to scan.

/** Error correction M (15 %): survives screen glare and moiré while keeping the code small. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;
const PNG_WIDTH = 320;

export function handoffQr(url: string, format: 'png'): Promise<Buffer>;
export function handoffQr(url: string, format: 'svg'): Promise<string>;
export function handoffQr(url: string, format: 'png' | 'svg'): Promise<Buffer | string>;
export async function handoffQr(url: string, format: 'png' | 'svg'): Promise<Buffer | string> {
  // Only web links: a phone camera app would offer to act on anything else (tel:, intent:, javascript:).
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') throw new TypeError('hand-off QR codes encode http(s) links only');
  // Loaded on first use: most processes never draw a code, and the module costs start-up time.
  const { default: QRCode } = await import('qrcode');
  if (format === 'png') return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: PNG_WIDTH });
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
}
