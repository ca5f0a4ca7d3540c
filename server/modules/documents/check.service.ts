import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { checkReplyDocxInWorker } from '../../platform/docgen/format-check.js';
import { checkFile } from '../../platform/files/intake.js';
import { documentsPolicy } from './documents.policy.js';
import { MAX_DOCUMENT_BYTES, type Upload } from './upload.js';

/** The GB/T 9704 format checker for any uploaded .docx. */
export class CheckService {
  constructor(private readonly ctx: AppContext) {}

  async check(actor: Actor, upload: () => Promise<Upload>) {
    authorize(documentsPolicy, actor, 'check', null);
    const up = await upload();
    const file = checkFile(up.data, up.fileName, { kinds: ['docx'], maxBytes: MAX_DOCUMENT_BYTES, label: '文件', kindsLabel: ' .docx 文件（Word 2007 及以后的格式）', fallbackName: '未命名文件' });
    const issues = await checkReplyDocxInWorker(file.data);
    return { fileName: file.name, size: file.size, ok: issues.length === 0, checkedAt: this.ctx.clock.nowIso(), issues };
  }
}
