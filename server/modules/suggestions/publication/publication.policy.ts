import { definePolicy, roleIs } from '../../../platform/policy/policy.js';

/** Publication is the organizer's: they review, redact, publish and take down. The admin may look. */
export const publicationPolicy = definePolicy<null, 'read' | 'review' | 'publish'>({
  read: roleIs('organizer', 'admin'),
  review: roleIs('organizer'),
  publish: roleIs('organizer'),
});
