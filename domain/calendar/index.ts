export * from './dates.js';
export * from './types.js';
export * from './official.js';
export * from './workdays.js';
export * from './months.js';
export * from './explain.js';
export * from './provisional.js';
