/** An error the API reports as JSON: a stable code and a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'bad_request', details?: unknown): never => {
  throw new AppError(400, code, message, details);
};
export const unauthorized = (message = '请先登录'): never => {
  throw new AppError(401, 'unauthorized', message);
};
export const forbidden = (message = '无权执行此操作'): never => {
  throw new AppError(403, 'forbidden', message);
};
export const notFound = (message = '记录不存在'): never => {
  throw new AppError(404, 'not_found', message);
};
export const conflict = (message: string, code = 'conflict'): never => {
  throw new AppError(409, code, message);
};
export const staleWrite = (what = '该记录'): never => {
  throw new AppError(409, 'stale_write', `${what}已被他人修改，请刷新后重试`);
};
