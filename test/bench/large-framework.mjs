// A framework of many queues and rules, for the validator's load test and benchmark: tier-1 desks
// escalate to tier-2 teams, which de-escalate back; every queue has a stall limit and a board name.

/** YAML text of a framework with `queueCount` queues (half tier 1, half tier 2) and `ruleCount` rules. */
export function largeFramework(queueCount, ruleCount) {
  const half = Math.max(1, Math.floor(queueCount / 2));
  const id = (i) => `q${String(i).padStart(3, '0')}`;
  const lines = [
    'version: 1',
    `name: Load test (${queueCount} queues, ${ruleCount} rules)`,
    'calendars:',
    '  office:',
    '    timezone: Europe/Brussels',
    '    hours:',
    ...['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => `      ${d}: ["08:00-12:00", "13:00-17:30"]`),
    '    holidays: ["01-01", "12-25", 2026-04-06]',
    'calendar: office',
    'statuses:',
    '  paused: [Waiting on Customer, Waiting on Vendor]',
    '  closed: [Closed, Resolved]',
    'queues:',
  ];
  for (let i = 0; i < queueCount; i++) {
    lines.push(`  ${id(i)}:`, `    tier: ${i < half ? 1 : 2}`, `    purpose: Team ${i}`, `    match: [Board ${i}, /^team-${i}\\b/i]`);
  }
  lines.push('rules:');
  const kinds = ['under', 'down', 'stalled', 'over', 'ping'];
  for (let r = 0; r < ruleCount; r++) {
    const kind = kinds[r % kinds.length];
    const low = id(r % half);
    const high = id(half + (r % (queueCount - half)));
    lines.push(`  - id: rule-${r}`);
    if (kind === 'under') lines.push('    check: under-escalated', '    severity: error', `    from: ${low}`, `    to: ${high}`, `    after: ${30 + (r % 90)}m`);
    if (kind === 'down') lines.push('    check: missed-de-escalation', '    severity: warn', `    from: ${high}`, `    to: ${low}`,
      `    when: { field: status, in: [User Error, Onsite Complete] }`, '    grace: 1h');
    if (kind === 'stalled') lines.push('    check: stalled', '    severity: warn', `    idle: ${2 + (r % 4)}d`);
    if (kind === 'over') lines.push('    check: over-escalated', '    severity: warn', `    to: ${high}`, '    minEffort: 5m');
    if (kind === 'ping') lines.push('    check: ping-pong', '    severity: info', `    maxQueueChanges: ${3 + (r % 5)}`);
  }
  return `${lines.join('\n')}\n`;
}
