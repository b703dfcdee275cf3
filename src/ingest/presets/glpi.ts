import type { Preset } from './preset.js';

// Search-result exports label columns "<Table> - <Field>" in the user's language (en, fr, pt-BR, es).
export const glpi: Preset = {
  id: 'glpi',
  title: 'GLPI: ticket search export (English, French, Portuguese or Spanish headers); glpi_logs history',
  shapes: [
    {
      name: 'ticket search export', role: 'tickets', required: ['id'],
      signature: [
        'Assigned to - Technician group', 'Assigned to - Group', 'Assigned to - Technician', 'Requester - Requester',
        'Requester - Requester group', 'Watcher - Watcher group', 'Opening date', 'Closing date', 'Resolution date', 'Total duration',
        'Attribué à - Groupe de techniciens', 'Attribué à - Technicien', 'Demandeur - Demandeur', "Date d'ouverture", 'Date de clôture',
        'Atribuído - Grupo técnico', 'Atribuído - Técnico', 'Requerente - Requerente', 'Data de abertura', 'Data da solução',
        'Asignada a - Grupo técnico', 'Asignada a - Técnico', 'Solicitante - Solicitante', 'Fecha de apertura',
      ],
      columns: {
        id: ['ID'],
        queue: ['Assigned to - Technician group', 'Assigned to - Group', 'Attribué à - Groupe de techniciens', 'Attribué à - Groupe',
          'Atribuído - Grupo técnico', 'Atribuído para - Grupo técnico', 'Asignada a - Grupo técnico', 'Asignado a - Grupo técnico'],
        status: ['Status', 'Statut', 'Estado'],
        priority: ['Priority', 'Priorité', 'Prioridade', 'Prioridad'],
        type: ['Category', 'Catégorie', 'Categoria', 'Categoría'],
        subtype: ['Type', 'Tipo'],
        assignee: ['Assigned to - Technician', 'Attribué à - Technicien', 'Atribuído - Técnico', 'Asignada a - Técnico'],
        created: ['Opening date', "Date d'ouverture", 'Data de abertura', 'Fecha de apertura'],
        updated: ['Last update', 'Dernière modification', 'Última atualização', 'Última actualización'],
        closed: ['Closing date', 'Resolution date', 'Date de clôture', 'Date de résolution', 'Data de fechamento', 'Data da solução',
          'Fecha de cierre', 'Fecha de solución'],
        summary: ['Title', 'Titre', 'Título'],
        company: ['Entity', 'Entité', 'Entidade', 'Entidad'],
      },
    },
    {
      // glpi_logs rows name the field by search option: 12 status, 3 priority, 5 technician, 8 technician group.
      name: 'glpi_logs', role: 'history', style: 'diff', required: ['id', 'at'],
      signature: ['items_id', 'itemtype', 'id_search_option', 'old_value', 'new_value', 'date_mod', 'linked_action'],
      columns: { id: ['items_id'], at: ['date_mod'] },
      diff: { field: ['id_search_option'], from: ['old_value'], to: ['new_value'] },
      fieldNames: { 12: 'status', 3: 'priority', 5: 'assignee', 8: 'queue' },
    },
  ],
  groupedIds: true,
  multiValueSeparator: '<br>',
};
