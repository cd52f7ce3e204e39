import * as migration_20261122_031741_initial from './20261122_031741_initial';
import * as migration_20261122_032928_constraints from './20261122_032928_constraints';
import * as migration_20261122_033241_jobs_schedules from './20261122_033241_jobs_schedules';
import * as migration_20261122_034936_commerce from './20261122_034936_commerce';
import * as migration_20261122_034948_commerce_constraints from './20261122_034948_commerce_constraints';
import * as migration_20261122_035017_bookings from './20261122_035017_bookings';
import * as migration_20261122_035039_bookings_constraints from './20261122_035039_bookings_constraints';

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
    name: '20261122_033241_jobs_schedules',
  },
  {
    up: migration_20261122_034936_commerce.up,
    down: migration_20261122_034936_commerce.down,
    name: '20261122_034936_commerce',
  },
  {
    up: migration_20261122_034948_commerce_constraints.up,
    down: migration_20261122_034948_commerce_constraints.down,
    name: '20261122_034948_commerce_constraints',
  },
  {
    up: migration_20261122_035017_bookings.up,
    down: migration_20261122_035017_bookings.down,
    name: '20261122_035017_bookings',
  },
  {
    up: migration_20261122_035039_bookings_constraints.up,
    down: migration_20261122_035039_bookings_constraints.down,
    name: '20261122_035039_bookings_constraints'
  },
];
