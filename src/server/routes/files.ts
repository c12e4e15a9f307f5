import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends an xlsx download with a UTF-8 (Chinese) file name. */
export function sendXlsx(reply: FastifyReply, baseName: string, body: Buffer) {
  const name = encodeURIComponent(`${baseName}.xlsx`);
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${name}`)
    .send(body);
}
