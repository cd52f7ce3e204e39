import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expirePendingOrders' BEFORE 'materializeClassSeries';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expirePendingOrders' BEFORE 'materializeClassSeries';
  ALTER TABLE "tenant_settings" ADD COLUMN "commerce_reservation_hold_days" numeric DEFAULT 7;
  ALTER TABLE "tenant_settings" ADD COLUMN "commerce_checkout_hold_minutes" numeric DEFAULT 30;
  ALTER TABLE "orders" ADD COLUMN "expires_at" timestamp(3) with time zone;
  CREATE INDEX "orders_expires_at_idx" ON "orders" USING btree ("expires_at");
  -- Reservations made before holds existed get the default 7-day hold from when they were made.
  UPDATE "orders" SET "expires_at" = "created_at" + interval '7 days' WHERE "status" = 'pending' AND "expires_at" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "orders_expires_at_idx";
  ALTER TABLE "tenant_settings" DROP COLUMN "commerce_reservation_hold_days";
  ALTER TABLE "tenant_settings" DROP COLUMN "commerce_checkout_hold_minutes";
  ALTER TABLE "orders" DROP COLUMN "expires_at";`)
}
