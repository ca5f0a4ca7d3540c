import { definePolicy, roleIs } from '../../../platform/policy/policy.js';

/** Registering a session's suggestions from a spreadsheet is the organizer's; exporting a list follows the list. */
export const xlsxPolicy = definePolicy<null, 'import' | 'export'>({
  import: roleIs('organizer'),
  export: roleIs('admin', 'organizer', 'unit_staff', 'deputy'),
});
