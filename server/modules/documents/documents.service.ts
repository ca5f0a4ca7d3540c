import type { AppContext } from '../../platform/context.js';
import { CheckService } from './check.service.js';
import { ImportService } from './import.service.js';
import { RegistryService } from './registry.service.js';
import { ReplyDocumentService } from './reply-document.service.js';

/** The documents module's services (公文): registry, reply documents, format checker, importer. */
export function documentServices(ctx: AppContext) {
  const registry = new RegistryService(ctx);
  return {
    registry,
    replies: new ReplyDocumentService(ctx, registry),
    check: new CheckService(ctx),
    importer: new ImportService(ctx, registry),
  };
}
