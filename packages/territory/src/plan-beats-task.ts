// The task module of planManyBeats's whole-manager path: loaded by a worker thread of a TaskRunner
// (the pool of @beatplan/tsp/pool) by its file name, never imported.
import { runBeatsTask } from './internal/beats-task.js';

export default runBeatsTask;
