import { cellText, flattenRecord, isObject } from '../flatten.js';
import type { JsonUnroller, Preset } from './preset.js';

/** REST search results (`{"issues": [...]}`, `expand=changelog`): the issue, and one row per changelog item. */
const issues: JsonUnroller = {
  reason: 'records with key and fields{} (Jira REST issues; changelog histories become history rows)',
  matches: (r) => typeof r.key === 'string' && isObject(r.fields),
  unroll(record, emit) {
    const { changelog, renderedFields: _rendered, names: _names, ...issue } = record;
    emit('tickets', flattenRecord(issue));
    const histories = isObject(changelog) && Array.isArray(changelog.histories) ? changelog.histories : [];
    for (const history of histories) {
      if (!isObject(history)) continue;
      const items = Array.isArray(history.items) ? history.items.filter(isObject) : [];
      for (const item of items.length ? items : [{}]) {
        emit('history', new Map([
          ['key', cellText(record.key)], ['created', cellText(history.created)], ['author', cellText(history.author)],
          ['field', cellText(item.field)], ['fromString', cellText(item.fromString)], ['toString', cellText(item.toString)],
        ]));
      }
    }
  },
};

export const jira: Preset = {
  id: 'jira',
  title: 'Jira / Jira Service Management: Cloud CSV (all or current fields, English or Spanish); REST issues with changelog',
  shapes: [
    {
      name: 'issues CSV', role: 'tickets', required: ['id'],
      signature: ['Issue key', 'Issue id', 'Project key', 'Issue Type', 'Status Category', 'Status Category Changed',
        'Clave de incidencia', 'ID de la incidencia', 'Tipo de Incidencia', 'Categoría de estado cambiada'],
      columns: {
        id: ['Issue key', 'Clave de incidencia', 'Chave da item', 'Issue id'],
        // No native queue: a team, the JSM request type or the component routes the work.
        queue: ['Custom field (Team)', 'Team', 'Campo personalizado (Team)', 'Custom field (Request Type)',
          'Campo personalizado (Request Type)', 'Request Type', 'Component/s', 'Componente/s'],
        status: ['Status', 'Estado'],
        priority: ['Priority', 'Prioridad'],
        type: ['Issue Type', 'Tipo de Incidencia'],
        assignee: ['Assignee', 'Persona asignada'],
        created: ['Created', 'Creada'],
        updated: ['Updated', 'Actualizada'],
        closed: ['Resolved', 'Resuelta'],
        summary: ['Summary', 'Resumen'],
        company: ['Project name', 'Organizations', 'Custom field (Organizations)'],
      },
    },
    {
      name: 'REST issues', role: 'tickets', required: ['id'],
      signature: ['key', 'fields/status/name', 'fields/issuetype/name', 'fields/created'],
      columns: {
        id: ['key'], queue: ['fields/components'], status: ['fields/status/name'], priority: ['fields/priority/name'],
        type: ['fields/issuetype/name'], assignee: ['fields/assignee/displayName'], created: ['fields/created'],
        updated: ['fields/updated'], closed: ['fields/resolutiondate'], summary: ['fields/summary'], company: ['fields/project/name'],
      },
    },
    {
      name: 'changelog', role: 'history', style: 'diff', required: ['id', 'at'],
      signature: ['fromString', 'toString', 'field'],
      columns: { id: ['key', 'issue key'], at: ['created'] },
      diff: { field: ['field'], from: ['fromString'], to: ['toString'] },
      fieldNames: {
        status: 'status', priority: 'priority', assignee: 'assignee', team: 'queue', component: 'queue',
        'request type': 'queue', 'customer request type': 'queue',
      },
    },
  ],
  json: [issues],
};
