import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_class_series_defaults_kind" AS ENUM('class', 'workshop', 'wellness', 'course_session');
  CREATE TYPE "public"."enum_class_series_defaults_delivery_mode" AS ENUM('in_person', 'virtual', 'hybrid');
  CREATE TYPE "public"."enum_class_series_status" AS ENUM('active', 'paused', 'ended');
  CREATE TYPE "public"."enum_classes_status" AS ENUM('scheduled', 'cancelled', 'completed');
  CREATE TYPE "public"."enum_classes_kind" AS ENUM('class', 'workshop', 'wellness', 'course_session');
  CREATE TYPE "public"."enum_classes_delivery_mode" AS ENUM('in_person', 'virtual', 'hybrid');
  CREATE TYPE "public"."enum_bookings_status" AS ENUM('confirmed', 'waitlisted', 'cancelled', 'late_cancelled', 'checked_in', 'no_show');
  CREATE TYPE "public"."enum_bookings_attendance_type" AS ENUM('in_person', 'virtual');
  CREATE TYPE "public"."enum_bookings_payment_method" AS ENUM('membership', 'credits', 'drop_in', 'complimentary', 'free');
  CREATE TYPE "public"."enum_bookings_source" AS ENUM('member', 'staff', 'waitlist', 'import', 'api');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'materializeClassSeries';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'completeClasses';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'materializeClassSeries';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'completeClasses';
  CREATE TABLE "class_series_exdates" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL
  );
  
  CREATE TABLE "class_series" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"rrule" varchar NOT NULL,
  	"dtstart" varchar NOT NULL,
  	"timezone" varchar,
  	"until" timestamp(3) with time zone,
  	"defaults_location_id" uuid,
  	"defaults_instructor_id" uuid,
  	"defaults_duration_minutes" numeric DEFAULT 60,
  	"defaults_capacity" numeric DEFAULT 20,
  	"defaults_waitlist_capacity" numeric DEFAULT 10,
  	"defaults_kind" "enum_class_series_defaults_kind" DEFAULT 'class',
  	"defaults_delivery_mode" "enum_class_series_defaults_delivery_mode" DEFAULT 'in_person',
  	"defaults_price_amount" numeric,
  	"defaults_price_currency" varchar,
  	"defaults_credit_cost" numeric,
  	"status" "enum_class_series_status" DEFAULT 'active' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "classes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"title" varchar NOT NULL,
  	"series_id" uuid,
  	"location_id" uuid,
  	"instructor_id" uuid,
  	"start_time" timestamp(3) with time zone NOT NULL,
  	"duration_minutes" numeric DEFAULT 60 NOT NULL,
  	"end_time" timestamp(3) with time zone,
  	"timezone" varchar,
  	"status" "enum_classes_status" DEFAULT 'scheduled' NOT NULL,
  	"kind" "enum_classes_kind" DEFAULT 'class' NOT NULL,
  	"delivery_mode" "enum_classes_delivery_mode" DEFAULT 'in_person',
  	"join_link" varchar,
  	"capacity" numeric DEFAULT 20 NOT NULL,
  	"waitlist_capacity" numeric DEFAULT 10 NOT NULL,
  	"booked_count" numeric DEFAULT 0,
  	"waitlist_count" numeric DEFAULT 0,
  	"price_amount" numeric,
  	"price_currency" varchar,
  	"credit_cost" numeric,
  	"detached" boolean DEFAULT false,
  	"cancellation_reason" varchar,
  	"google_calendar_event_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "bookings" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"class_id" uuid NOT NULL,
  	"member_id" uuid NOT NULL,
  	"start_time" timestamp(3) with time zone,
  	"status" "enum_bookings_status" DEFAULT 'confirmed' NOT NULL,
  	"waitlist_position" numeric,
  	"attendance_type" "enum_bookings_attendance_type" DEFAULT 'in_person',
  	"payment_method" "enum_bookings_payment_method",
  	"payment_reference" jsonb,
  	"waitlisted_at" timestamp(3) with time zone,
  	"promoted_at" timestamp(3) with time zone,
  	"checked_in_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"cancellation_reason" varchar,
  	"late_cancel_fee_amount" numeric,
  	"late_cancel_fee_currency" varchar,
  	"feedback_score" numeric,
  	"source" "enum_bookings_source" DEFAULT 'member',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_late_cancel_minutes" numeric DEFAULT 720;
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_booking_window_days" numeric DEFAULT 30;
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_check_in_window_minutes" numeric DEFAULT 60;
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_free_late_cancels_per_month" numeric DEFAULT 0;
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_late_cancel_fee_amount" numeric;
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_late_cancel_fee_currency" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "class_series_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "classes_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "bookings_id" uuid;
  ALTER TABLE "class_series_exdates" ADD CONSTRAINT "class_series_exdates_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."class_series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "class_series" ADD CONSTRAINT "class_series_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_series" ADD CONSTRAINT "class_series_defaults_location_id_locations_id_fk" FOREIGN KEY ("defaults_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_series" ADD CONSTRAINT "class_series_defaults_instructor_id_tenant_memberships_id_fk" FOREIGN KEY ("defaults_instructor_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes" ADD CONSTRAINT "classes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes" ADD CONSTRAINT "classes_series_id_class_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."class_series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes" ADD CONSTRAINT "classes_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes" ADD CONSTRAINT "classes_instructor_id_tenant_memberships_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "class_series_exdates_order_idx" ON "class_series_exdates" USING btree ("_order");
  CREATE INDEX "class_series_exdates_parent_id_idx" ON "class_series_exdates" USING btree ("_parent_id");
  CREATE INDEX "class_series_tenant_idx" ON "class_series" USING btree ("tenant_id");
  CREATE INDEX "class_series_defaults_defaults_location_idx" ON "class_series" USING btree ("defaults_location_id");
  CREATE INDEX "class_series_defaults_defaults_instructor_idx" ON "class_series" USING btree ("defaults_instructor_id");
  CREATE INDEX "class_series_updated_at_idx" ON "class_series" USING btree ("updated_at");
  CREATE INDEX "class_series_created_at_idx" ON "class_series" USING btree ("created_at");
  CREATE INDEX "tenant_status_idx" ON "class_series" USING btree ("tenant_id","status");
  CREATE INDEX "classes_tenant_idx" ON "classes" USING btree ("tenant_id");
  CREATE INDEX "classes_series_idx" ON "classes" USING btree ("series_id");
  CREATE INDEX "classes_location_idx" ON "classes" USING btree ("location_id");
  CREATE INDEX "classes_instructor_idx" ON "classes" USING btree ("instructor_id");
  CREATE INDEX "classes_updated_at_idx" ON "classes" USING btree ("updated_at");
  CREATE INDEX "classes_created_at_idx" ON "classes" USING btree ("created_at");
  CREATE INDEX "tenant_startTime_idx" ON "classes" USING btree ("tenant_id","start_time");
  CREATE INDEX "instructor_startTime_idx" ON "classes" USING btree ("instructor_id","start_time");
  CREATE UNIQUE INDEX "series_startTime_idx" ON "classes" USING btree ("series_id","start_time");
  CREATE UNIQUE INDEX "tenant_googleCalendarEventId_idx" ON "classes" USING btree ("tenant_id","google_calendar_event_id");
  CREATE INDEX "bookings_tenant_idx" ON "bookings" USING btree ("tenant_id");
  CREATE INDEX "bookings_class_idx" ON "bookings" USING btree ("class_id");
  CREATE INDEX "bookings_member_idx" ON "bookings" USING btree ("member_id");
  CREATE INDEX "bookings_updated_at_idx" ON "bookings" USING btree ("updated_at");
  CREATE INDEX "bookings_created_at_idx" ON "bookings" USING btree ("created_at");
  CREATE INDEX "tenant_startTime_1_idx" ON "bookings" USING btree ("tenant_id","start_time");
  CREATE INDEX "tenant_member_status_checkedInAt_idx" ON "bookings" USING btree ("tenant_id","member_id","status","checked_in_at");
  CREATE INDEX "tenant_createdAt_2_idx" ON "bookings" USING btree ("tenant_id","created_at");
  CREATE INDEX "class_status_waitlistedAt_idx" ON "bookings" USING btree ("class_id","status","waitlisted_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_class_series_fk" FOREIGN KEY ("class_series_id") REFERENCES "public"."class_series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_classes_fk" FOREIGN KEY ("classes_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_bookings_fk" FOREIGN KEY ("bookings_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_class_series_id_idx" ON "payload_locked_documents_rels" USING btree ("class_series_id");
  CREATE INDEX "payload_locked_documents_rels_classes_id_idx" ON "payload_locked_documents_rels" USING btree ("classes_id");
  CREATE INDEX "payload_locked_documents_rels_bookings_id_idx" ON "payload_locked_documents_rels" USING btree ("bookings_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "class_series_exdates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_series" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "classes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "bookings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "class_series_exdates" CASCADE;
  DROP TABLE "class_series" CASCADE;
  DROP TABLE "classes" CASCADE;
  DROP TABLE "bookings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_class_series_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_classes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_bookings_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'expireCreditLots');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'expireCreditLots');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_class_series_id_idx";
  DROP INDEX "payload_locked_documents_rels_classes_id_idx";
  DROP INDEX "payload_locked_documents_rels_bookings_id_idx";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_late_cancel_minutes";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_booking_window_days";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_check_in_window_minutes";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_free_late_cancels_per_month";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_late_cancel_fee_amount";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_late_cancel_fee_currency";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "class_series_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "classes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "bookings_id";
  DROP TYPE "public"."enum_class_series_defaults_kind";
  DROP TYPE "public"."enum_class_series_defaults_delivery_mode";
  DROP TYPE "public"."enum_class_series_status";
  DROP TYPE "public"."enum_classes_status";
  DROP TYPE "public"."enum_classes_kind";
  DROP TYPE "public"."enum_classes_delivery_mode";
  DROP TYPE "public"."enum_bookings_status";
  DROP TYPE "public"."enum_bookings_attendance_type";
  DROP TYPE "public"."enum_bookings_payment_method";
  DROP TYPE "public"."enum_bookings_source";`)
}
