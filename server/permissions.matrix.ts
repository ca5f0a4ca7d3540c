import type { PermissionCase } from './testing/permission-case.js';
import { platformPermissions } from './platform/platform.permissions.js';
import { adminPermissions } from './modules/admin/admin.permissions.js';
import { projectPermissions } from './modules/projects/projects.permissions.js';
import { parkLifePermissions } from './modules/parklife/parklife.permissions.js';
import { suggestionToolsPermissions } from './modules/suggestions/tools.permissions.js';
import { documentsPermissions } from './modules/documents/documents.permissions.js';
import { suggestionPermissions } from './modules/suggestions/suggestions.permissions.js';
import { promisePermissions } from './modules/promises/promises.permissions.js';
import { assignPreviewPermissions } from './modules/suggestions/assign-preview.permissions.js';

/** Every API route with who may call it. A module adds its cases here, once; a route missing here fails the test. */
export const PERMISSION_MATRIX: PermissionCase[] = [
  ...platformPermissions,
  ...adminPermissions,
  ...projectPermissions,
  ...parkLifePermissions,
  ...suggestionToolsPermissions,
  ...documentsPermissions,
  ...suggestionPermissions,
  ...promisePermissions,
  ...assignPreviewPermissions,
];
