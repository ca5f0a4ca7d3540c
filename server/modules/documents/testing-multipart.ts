/** A multipart/form-data request body with one file in the field `file`, for app.inject in tests. */
export function multipart(fileName: string, data: Buffer, field = 'file') {
  const boundary = `----qunei${Math.random().toString(16).slice(2)}`;
  // As browsers send it: the file name as raw UTF-8 in the quoted parameter.
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/"/g, '%22')}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
