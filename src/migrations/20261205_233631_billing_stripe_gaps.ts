import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_invoices_status" ADD VALUE 'refunded';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'syncStripePrices' BEFORE 'expireCreditLots';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'reconcileStripeSubscriptions' BEFORE 'expireCreditLots';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'syncStripePrices' BEFORE 'expireCreditLots';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'reconcileStripeSubscriptions' BEFORE 'expireCreditLots';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "invoices" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "invoices" ALTER COLUMN "status" SET DEFAULT 'draft'::text;
  DROP TYPE "public"."enum_invoices_status";
  CREATE TYPE "public"."enum_invoices_status" AS ENUM('draft', 'open', 'paid', 'void', 'uncollectible');
  ALTER TABLE "invoices" ALTER COLUMN "status" SET DEFAULT 'draft'::"public"."enum_invoices_status";
  ALTER TABLE "invoices" ALTER COLUMN "status" SET DATA TYPE "public"."enum_invoices_status" USING "status"::"public"."enum_invoices_status";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'expireCreditLots', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'expireCreditLots', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";`)
}
