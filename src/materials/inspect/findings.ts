// Inspection finding codes and their user-facing messages (zh first, en second).
// Every message says what is wrong AND what the applicant should do next, because the applicant sees it
// right after uploading and usually fixes it alone.

export const MATERIAL_FINDING_CODES = [
  'MATERIAL_FORMAT',
  'MATERIAL_SIZE',
  'MATERIAL_NOT_COLOUR',
  'MATERIAL_UNREADABLE',
  'MATERIAL_BOMB',
  'MATERIAL_POLYGLOT',
] as const;

export type MaterialFindingCode = (typeof MATERIAL_FINDING_CODES)[number];
export type FindingSeverity = 'error' | 'warning';
export type BilingualText = { zh: string; en: string };

export interface MaterialFinding {
  code: MaterialFindingCode;
  severity: FindingSeverity;
  message: BilingualText;
}

/** Human size: "150 KB", "4 MB", "5.1 MB" (binary units, as the filing rules mean them). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

function finding(code: MaterialFindingCode, severity: FindingSeverity, zh: string, en: string): MaterialFinding {
  return { code, severity, message: { zh, en } };
}

export const findings = {
  wrongFormat(detected: string | undefined): MaterialFinding {
    const what = detected ?? '无法识别';
    const whatEn = detected ?? 'unrecognised';
    return finding(
      'MATERIAL_FORMAT',
      'error',
      `文件的实际格式为 ${what}，只接受 JPG、PNG、GIF 图片（修改文件扩展名无效）。请用扫描仪或手机重新生成 JPG 图片后上传。`,
      `The file is actually ${whatEn}; only JPG, PNG and GIF images are accepted (renaming the file does not change its format). Please scan or photograph the document again as a JPG and upload that.`,
    );
  },

  tooSmall(size: number, minimum: number): MaterialFinding {
    return finding(
      'MATERIAL_SIZE',
      'error',
      `文件大小为 ${formatSize(size)}，低于 ${formatSize(minimum)} 的下限，图片可能过于模糊。请用更高的分辨率重新扫描或拍摄彩色原件，不要压缩图片。`,
      `The file is ${formatSize(size)}, below the ${formatSize(minimum)} minimum, so it is probably too blurry to review. Please scan or photograph the colour original again at a higher resolution and do not compress it.`,
    );
  },

  tooLarge(size: number, maximum: number): MaterialFinding {
    return finding(
      'MATERIAL_SIZE',
      'error',
      `文件大小为 ${formatSize(size)}，超过 ${formatSize(maximum)} 的上限。请降低分辨率或以较低质量另存为 JPG 后重新上传。`,
      `The file is ${formatSize(size)}, above the ${formatSize(maximum)} limit. Please lower the resolution or save it as a JPG at a lower quality, then upload it again.`,
    );
  },

  notColour(isCertain: boolean): MaterialFinding {
    return isCertain
      ? finding(
          'MATERIAL_NOT_COLOUR',
          'error',
          '图片为黑白或灰度图像。备案只接受彩色原件的彩色扫描件或彩色照片，不接受黑白扫描件或复印件。请用彩色模式重新扫描或拍摄原件。',
          'The image is black-and-white or grayscale. Filing accepts only a colour scan or colour photo of the original document, not black-and-white scans or photocopies. Please scan or photograph the original again in colour mode.',
        )
      : finding(
          'MATERIAL_NOT_COLOUR',
          'warning',
          '图片几乎没有彩色内容，可能是黑白扫描件或复印件，审核时可能被驳回。如果原件是彩色的，请用彩色模式重新扫描；如果确认是彩色扫描，可忽略此提示。',
          'The image has almost no colour, so it may be a black-and-white scan or a photocopy and could be rejected at review. If the original is in colour, scan it again in colour mode; if this already is a colour scan, you can ignore this notice.',
        );
  },

  unreadable(): MaterialFinding {
    return finding(
      'MATERIAL_UNREADABLE',
      'error',
      '图片已损坏或不完整，无法读取。请重新导出或重新拍摄后上传，不要上传截断或编辑中出错的文件。',
      'The image is damaged or incomplete and cannot be read. Please export or photograph it again and upload the new file.',
    );
  },

  bomb(width: number, height: number, maxPixels: number): MaterialFinding {
    const megapixels = (width * height) / 1_000_000;
    const limit = maxPixels / 1_000_000;
    return finding(
      'MATERIAL_BOMB',
      'error',
      `图片尺寸为 ${width}×${height}（约 ${megapixels.toFixed(0)} 百万像素），超过 ${limit} 百万像素的上限。请把图片缩小到正常的扫描或拍照尺寸后重新上传。`,
      `The image is ${width}×${height} (about ${megapixels.toFixed(0)} megapixels), above the ${limit}-megapixel limit. Please resize it to a normal scan or photo size and upload it again.`,
    );
  },

  polyglot(hidden: string): MaterialFinding {
    return finding(
      'MATERIAL_POLYGLOT',
      'error',
      `图片文件中夹带了其他内容（${hidden}），出于安全原因不予接受。请直接上传扫描仪或相机生成的原始图片，不要把图片与其他文件合并。`,
      `The image file carries other content (${hidden}) and is refused for safety. Please upload the original image from the scanner or camera, without combining it with other files.`,
    );
  },
};
