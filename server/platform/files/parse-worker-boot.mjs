// Entry of a parse worker thread: TypeScript sources are loaded through tsx, as in the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./parse.worker.ts');
