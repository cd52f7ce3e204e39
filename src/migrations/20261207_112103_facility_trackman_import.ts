import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_facility_imports_status" AS ENUM('queued', 'running', 'done', 'failed');
  CREATE TYPE "public"."enum_facility_import_rows_outcome" AS ENUM('created', 'unchanged', 'unmatched', 'overlap', 'error');
  CREATE TYPE "public"."enum_facility_import_rows_matched_by" AS ENUM('email', 'phone', 'name', 'staff');
  CREATE TYPE "public"."enum_facility_import_rows_status" AS ENUM('done', 'pending', 'resolved', 'ignored');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'facilityTrackmanImport' BEFORE 'writeBlogDrafts';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'facilityTrackmanImport' BEFORE 'writeBlogDrafts';
  CREATE TABLE "facility_imports" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"file_name" varchar NOT NULL,
  	"csv" varchar NOT NULL,
  	"status" "enum_facility_imports_status" DEFAULT 'queued' NOT NULL,
  	"zone" varchar,
  	"total_rows" numeric DEFAULT 0,
  	"processed" numeric DEFAULT 0,
  	"created" numeric DEFAULT 0,
  	"unchanged" numeric DEFAULT 0,
  	"unmatched" numeric DEFAULT 0,
  	"overlapping" numeric DEFAULT 0,
  	"errors" numeric DEFAULT 0,
  	"error" varchar,
  	"uploaded_by_id" uuid,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "facility_import_rows" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"import_id" uuid NOT NULL,
  	"row_number" numeric NOT NULL,
  	"row_key" varchar NOT NULL,
  	"values" jsonb,
  	"resource_id" uuid,
  	"start_at" timestamp(3) with time zone,
  	"end_at" timestamp(3) with time zone,
  	"outcome" "enum_facility_import_rows_outcome" NOT NULL,
  	"matched_by" "enum_facility_import_rows_matched_by",
  	"reason" varchar,
  	"member_id" uuid,
  	"reservation_id" uuid,
  	"status" "enum_facility_import_rows_status" DEFAULT 'done' NOT NULL,
  	"resolved_at" timestamp(3) with time zone,
  	"resolved_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "reservations" ADD COLUMN "import_key" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "facility_imports_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "facility_import_rows_id" uuid;
  ALTER TABLE "facility_imports" ADD CONSTRAINT "facility_imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_imports" ADD CONSTRAINT "facility_imports_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_import_rows" ADD CONSTRAINT "facility_import_rows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_import_rows" ADD CONSTRAINT "facility_import_rows_import_id_facility_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."facility_imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_import_rows" ADD CONSTRAINT "facility_import_rows_resource_id_facility_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."facility_resources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_import_rows" ADD CONSTRAINT "facility_import_rows_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_import_rows" ADD CONSTRAINT "facility_import_rows_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_import_rows" ADD CONSTRAINT "facility_import_rows_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "facility_imports_tenant_idx" ON "facility_imports" USING btree ("tenant_id");
  CREATE INDEX "facility_imports_uploaded_by_idx" ON "facility_imports" USING btree ("uploaded_by_id");
  CREATE INDEX "facility_imports_updated_at_idx" ON "facility_imports" USING btree ("updated_at");
  CREATE INDEX "facility_imports_created_at_idx" ON "facility_imports" USING btree ("created_at");
  CREATE INDEX "tenant_status_createdAt_idx" ON "facility_imports" USING btree ("tenant_id","status","created_at");
  CREATE INDEX "facility_import_rows_tenant_idx" ON "facility_import_rows" USING btree ("tenant_id");
  CREATE INDEX "facility_import_rows_import_idx" ON "facility_import_rows" USING btree ("import_id");
  CREATE INDEX "facility_import_rows_resource_idx" ON "facility_import_rows" USING btree ("resource_id");
  CREATE INDEX "facility_import_rows_member_idx" ON "facility_import_rows" USING btree ("member_id");
  CREATE INDEX "facility_import_rows_reservation_idx" ON "facility_import_rows" USING btree ("reservation_id");
  CREATE INDEX "facility_import_rows_resolved_by_idx" ON "facility_import_rows" USING btree ("resolved_by_id");
  CREATE INDEX "facility_import_rows_updated_at_idx" ON "facility_import_rows" USING btree ("updated_at");
  CREATE INDEX "facility_import_rows_created_at_idx" ON "facility_import_rows" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_import_rowNumber_idx" ON "facility_import_rows" USING btree ("tenant_id","import_id","row_number");
  CREATE INDEX "tenant_rowKey_idx" ON "facility_import_rows" USING btree ("tenant_id","row_key");
  CREATE INDEX "tenant_status_import_idx" ON "facility_import_rows" USING btree ("tenant_id","status","import_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_facility_imports_fk" FOREIGN KEY ("facility_imports_id") REFERENCES "public"."facility_imports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_facility_import_rows_fk" FOREIGN KEY ("facility_import_rows_id") REFERENCES "public"."facility_import_rows"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "tenant_importKey_idx" ON "reservations" USING btree ("tenant_id","import_key");
  CREATE INDEX "payload_locked_documents_rels_facility_imports_id_idx" ON "payload_locked_documents_rels" USING btree ("facility_imports_id");
  CREATE INDEX "payload_locked_documents_rels_facility_import_rows_id_idx" ON "payload_locked_documents_rels" USING btree ("facility_import_rows_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "facility_imports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facility_import_rows" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "facility_imports" CASCADE;
  DROP TABLE "facility_import_rows" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_facility_imports_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_facility_import_rows_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'sendEmailVerification', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'syncGbpPost', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'hubspotEnsureProperties', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'transcodeMedia', 'removeMediaHls', 'sendEmailVerification', 'renewManualSubscriptions', 'processStripeEvent', 'sendDunningNotice', 'syncStripePrices', 'reconcileStripeSubscriptions', 'expireCreditLots', 'expirePendingOrders', 'materializeClassSeries', 'completeClasses', 'expireWaitlistOffers', 'sendGuestConfirmation', 'sendWaitlistNotice', 'trackmanSyncReservation', 'trackmanReconcile', 'writeBlogDrafts', 'syncGbpPost', 'deliverWebhooks', 'postSlackMessage', 'sendAutomationStep', 'enrolTimeTriggered', 'sendScheduledAnnouncements', 'mailchimpSyncMember', 'mailchimpResync', 'hubspotSync', 'hubspotReconcile', 'hubspotEnsureProperties', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "tenant_importKey_idx";
  DROP INDEX "payload_locked_documents_rels_facility_imports_id_idx";
  DROP INDEX "payload_locked_documents_rels_facility_import_rows_id_idx";
  ALTER TABLE "reservations" DROP COLUMN "import_key";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "facility_imports_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "facility_import_rows_id";
  DROP TYPE "public"."enum_facility_imports_status";
  DROP TYPE "public"."enum_facility_import_rows_outcome";
  DROP TYPE "public"."enum_facility_import_rows_matched_by";
  DROP TYPE "public"."enum_facility_import_rows_status";`)
}
