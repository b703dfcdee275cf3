import { connectwise } from './connectwise.js';
import { eventLog } from './event-log.js';

/** Every preset, by id; detection tries them in this order. */
export const presets = {
  'connectwise': connectwise,
  'event-log': eventLog,
} as const;

export type PresetId = keyof typeof presets;
export const PRESET_IDS = Object.keys(presets) as PresetId[];
