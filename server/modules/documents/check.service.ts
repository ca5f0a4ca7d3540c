import path from 'node:path';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { AppError } from '../../platform/errors.js';
import { checkReplyDocx } from '../../platform/docgen/format-check.js';
import { documentsPolicy } from './documents.policy.js';
import type { Upload } from './upload.js';

/** The GB/T 9704 format checker for any uploaded .docx. */
export class CheckService {
  constructor(private readonly ctx: AppContext) {}

  async check(actor: Actor, upload: () => Promise<Upload>) {
    authorize(documentsPolicy, actor, 'check', null);
    const file = await upload();
    if (path.extname(file.fileName).toLowerCase() !== '.docx') {
      throw new AppError(415, 'unsupported_type', `只能检查 .docx 文件（Word 2007 及以后的格式），“${file.fileName}”不是`);
    }
    const issues = await checkReplyDocx(file.data);
    return { fileName: file.fileName, size: file.data.length, ok: issues.length === 0, checkedAt: this.ctx.clock.nowIso(), issues };
  }
}
