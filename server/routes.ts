import type { FastifyInstance } from 'fastify';
import { authRoutes } from './platform/auth/auth.routes.js';
import { calendarRoutes } from './platform/calendar/calendar.routes.js';
import { notificationRoutes } from './platform/notifications/notifications.routes.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { suggestionToolsRoutes } from './modules/suggestions/tools.js';
import { projectRoutes } from './modules/projects/projects.routes.js';
import { parkLifeRoutes } from './modules/parklife/parklife.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { promiseRoutes } from './modules/promises/promises.routes.js';
import { suggestionRoutes } from './modules/suggestions/suggestions.routes.js';
import { assignPreviewRoutes } from './modules/suggestions/assign-preview.js';

/** Every route plugin. A module adds its plugin here, once. */
export async function registerRoutes(app: FastifyInstance) {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(calendarRoutes);
  await app.register(notificationRoutes);
  await app.register(adminRoutes);
  await app.register(suggestionToolsRoutes);
  await app.register(projectRoutes);
  await app.register(parkLifeRoutes);
  await app.register(documentRoutes);
  await app.register(promiseRoutes);
  await app.register(suggestionRoutes);
  await app.register(assignPreviewRoutes);
}
