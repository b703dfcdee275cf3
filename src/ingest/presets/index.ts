import { autotask } from './autotask.js';
import { connectwise } from './connectwise.js';
import { eventLog } from './event-log.js';
import { freshdesk } from './freshdesk.js';
import { glpi } from './glpi.js';
import { halopsa } from './halopsa.js';
import { jira } from './jira.js';
import { servicenow } from './servicenow.js';
import { zendesk } from './zendesk.js';

/** Every preset, by id; detection tries them in this order, and the earlier one wins a tie. */
export const presets = {
  'connectwise': connectwise,
  'autotask': autotask,
  'halopsa': halopsa,
  'servicenow': servicenow,
  'zendesk': zendesk,
  'freshdesk': freshdesk,
  'jira': jira,
  'glpi': glpi,
  'event-log': eventLog,
} as const;

export type PresetId = keyof typeof presets;
export const PRESET_IDS = Object.keys(presets) as PresetId[];
