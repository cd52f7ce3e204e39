import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'trackmanSyncReservation';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'trackmanReconcile';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'trackmanSyncReservation';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'trackmanReconcile';
  ALTER TABLE "facility_resources" ADD COLUMN "trackman_bay_id" varchar;
  ALTER TABLE "reservations" ADD COLUMN "trackman_session_id" varchar;
  ALTER TABLE "reservations" ADD COLUMN "trackman_session_started_at" timestamp(3) with time zone;
  ALTER TABLE "reservations" ADD COLUMN "trackman_session_ended_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "facility_resources" DROP COLUMN "trackman_bay_id";
  ALTER TABLE "reservations" DROP COLUMN "trackman_session_id";
  ALTER TABLE "reservations" DROP COLUMN "trackman_session_started_at";
  ALTER TABLE "reservations" DROP COLUMN "trackman_session_ended_at";`)
}
