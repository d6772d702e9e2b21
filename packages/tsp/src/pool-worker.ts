// The worker file of `@beatplan/tsp/pool` (loaded by piscina in each worker thread; not for import).
import { runPoolTask } from './internal/pool/run-pool-task.js';

export default runPoolTask;
