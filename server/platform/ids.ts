import { v7 } from 'uuid';

/** Time-ordered ids made by the app, the same on both databases. */
export const newId = (): string => v7();
