import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

export type MultipartForm = { fields: Record<string, string | undefined>; file: Buffer; filename?: string };

/** Reads one file and the named text fields from a multipart request; anything else is a clear 4xx. */
export async function readMultipart(request: FastifyRequest, fieldNames: string[]): Promise<MultipartForm> {
  if (!request.isMultipart()) {
    throw AppError.field(
      'UNSUPPORTED_MEDIA',
      'body',
      '请使用 multipart/form-data 上传文件',
      'Send the file as multipart/form-data',
    );
  }
  try {
    return await readParts(request, fieldNames);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // busboy's refusals (no boundary, a body cut short, too many parts) are the sender's mistake: name the body.
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode === 413)
      throw AppError.field(
        'PAYLOAD_TOO_LARGE',
        'file',
        '文件过大，单个文件不能超过 4 MB',
        'The file is too large; 4 MB at most',
      );
    throw AppError.field(
      'VALIDATION_FAILED',
      'body',
      '上传内容无法读取：请用 multipart/form-data 发送一个文件和所需字段',
      `The upload cannot be read (${(error as Error).message}); send one file and the fields as multipart/form-data`,
    );
  }
}

async function readParts(request: FastifyRequest, fieldNames: string[]): Promise<MultipartForm> {
  const fields: Record<string, string | undefined> = {};
  let file: Buffer | undefined;
  let filename: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file) throw AppError.field('VALIDATION_FAILED', 'file', '一次只能上传一个文件', 'Upload one file at a time');
      file = await part.toBuffer();
      filename = part.filename;
      if (part.file.truncated)
        throw AppError.field(
          'PAYLOAD_TOO_LARGE',
          'file',
          '文件过大，单个文件不能超过 4 MB',
          'The file is too large; 4 MB at most',
        );
    } else if (fieldNames.includes(part.fieldname)) {
      fields[part.fieldname] = String(part.value).trim();
    }
  }
  if (!file || file.length === 0)
    throw AppError.field('VALIDATION_FAILED', 'file', '请选择要上传的文件', 'Choose a file to upload');
  return { fields, file, filename };
}
