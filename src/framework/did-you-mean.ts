// Moved to src/text so that ingest (column names) and the framework (keys, ids) share one helper.
export { editDistance, suggest } from '../text/did-you-mean.js';
