import * as migration_20261122_031741_initial from './20261122_031741_initial';
import * as migration_20261122_032928_constraints from './20261122_032928_constraints';
import * as migration_20261122_033241_jobs_schedules from './20261122_033241_jobs_schedules';

export const migrations = [
  {
    up: migration_20261122_031741_initial.up,
    down: migration_20261122_031741_initial.down,
    name: '20261122_031741_initial',
  },
  {
    up: migration_20261122_032928_constraints.up,
    down: migration_20261122_032928_constraints.down,
    name: '20261122_032928_constraints',
  },
  {
    up: migration_20261122_033241_jobs_schedules.up,
    down: migration_20261122_033241_jobs_schedules.down,
    name: '20261122_033241_jobs_schedules'
  },
];
