import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_course_modules_unlock_mode" AS ENUM('none', 'after_days', 'on_date', 'cohort_start', 'prerequisite');
  CREATE TABLE "membership_plans_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"courses_id" uuid,
  	"content_items_id" uuid
  );
  
  CREATE TABLE "events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"courses_id" uuid,
  	"content_items_id" uuid
  );
  
  CREATE TABLE "content_subscriptions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"subscription" varchar NOT NULL,
  	"plan" varchar NOT NULL,
  	"status" varchar NOT NULL,
  	"entitled" boolean DEFAULT false,
  	"access_until" timestamp(3) with time zone,
  	"synced_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "membership_plans" ADD COLUMN "lms_full_catalog" boolean DEFAULT false;
  ALTER TABLE "events" ADD COLUMN "lms_portal_access_before_days" numeric DEFAULT 0;
  ALTER TABLE "events" ADD COLUMN "lms_portal_access_after_days" numeric DEFAULT 0;
  ALTER TABLE "course_modules" ADD COLUMN "unlock_mode" "enum_course_modules_unlock_mode" DEFAULT 'none';
  ALTER TABLE "course_modules" ADD COLUMN "unlock_days" numeric;
  ALTER TABLE "course_modules" ADD COLUMN "unlock_date" timestamp(3) with time zone;
  ALTER TABLE "course_modules" ADD COLUMN "unlock_prerequisite_id" uuid;
  ALTER TABLE "course_modules" ADD COLUMN "unlock_prerequisite_module_id" uuid;
  ALTER TABLE "lessons" ADD COLUMN "unlock_prerequisite_module_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "content_subscriptions_id" uuid;
  ALTER TABLE "membership_plans_rels" ADD CONSTRAINT "membership_plans_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."membership_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "membership_plans_rels" ADD CONSTRAINT "membership_plans_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "membership_plans_rels" ADD CONSTRAINT "membership_plans_rels_content_items_fk" FOREIGN KEY ("content_items_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_content_items_fk" FOREIGN KEY ("content_items_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "content_subscriptions" ADD CONSTRAINT "content_subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_subscriptions" ADD CONSTRAINT "content_subscriptions_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "membership_plans_rels_order_idx" ON "membership_plans_rels" USING btree ("order");
  CREATE INDEX "membership_plans_rels_parent_idx" ON "membership_plans_rels" USING btree ("parent_id");
  CREATE INDEX "membership_plans_rels_path_idx" ON "membership_plans_rels" USING btree ("path");
  CREATE INDEX "membership_plans_rels_courses_id_idx" ON "membership_plans_rels" USING btree ("courses_id");
  CREATE INDEX "membership_plans_rels_content_items_id_idx" ON "membership_plans_rels" USING btree ("content_items_id");
  CREATE INDEX "events_rels_order_idx" ON "events_rels" USING btree ("order");
  CREATE INDEX "events_rels_parent_idx" ON "events_rels" USING btree ("parent_id");
  CREATE INDEX "events_rels_path_idx" ON "events_rels" USING btree ("path");
  CREATE INDEX "events_rels_courses_id_idx" ON "events_rels" USING btree ("courses_id");
  CREATE INDEX "events_rels_content_items_id_idx" ON "events_rels" USING btree ("content_items_id");
  CREATE INDEX "content_subscriptions_tenant_idx" ON "content_subscriptions" USING btree ("tenant_id");
  CREATE INDEX "content_subscriptions_member_idx" ON "content_subscriptions" USING btree ("member_id");
  CREATE INDEX "content_subscriptions_updated_at_idx" ON "content_subscriptions" USING btree ("updated_at");
  CREATE INDEX "content_subscriptions_created_at_idx" ON "content_subscriptions" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_subscription_idx" ON "content_subscriptions" USING btree ("tenant_id","subscription");
  CREATE INDEX "tenant_member_plan_idx" ON "content_subscriptions" USING btree ("tenant_id","member_id","plan");
  ALTER TABLE "course_modules" ADD CONSTRAINT "course_modules_unlock_prerequisite_id_lessons_id_fk" FOREIGN KEY ("unlock_prerequisite_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_modules" ADD CONSTRAINT "course_modules_unlock_prerequisite_module_id_course_modules_id_fk" FOREIGN KEY ("unlock_prerequisite_module_id") REFERENCES "public"."course_modules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_unlock_prerequisite_module_id_course_modules_id_fk" FOREIGN KEY ("unlock_prerequisite_module_id") REFERENCES "public"."course_modules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_content_subscriptions_fk" FOREIGN KEY ("content_subscriptions_id") REFERENCES "public"."content_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "course_modules_unlock_unlock_prerequisite_idx" ON "course_modules" USING btree ("unlock_prerequisite_id");
  CREATE INDEX "course_modules_unlock_unlock_prerequisite_module_idx" ON "course_modules" USING btree ("unlock_prerequisite_module_id");
  CREATE INDEX "lessons_unlock_unlock_prerequisite_module_idx" ON "lessons" USING btree ("unlock_prerequisite_module_id");
  CREATE INDEX "payload_locked_documents_rels_content_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("content_subscriptions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "membership_plans_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_subscriptions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "membership_plans_rels" CASCADE;
  DROP TABLE "events_rels" CASCADE;
  DROP TABLE "content_subscriptions" CASCADE;
  ALTER TABLE "course_modules" DROP CONSTRAINT IF EXISTS "course_modules_unlock_prerequisite_id_lessons_id_fk";
  
  ALTER TABLE "course_modules" DROP CONSTRAINT IF EXISTS "course_modules_unlock_prerequisite_module_id_course_modules_id_fk";
  
  ALTER TABLE "lessons" DROP CONSTRAINT IF EXISTS "lessons_unlock_prerequisite_module_id_course_modules_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_content_subscriptions_fk";
  
  DROP INDEX "course_modules_unlock_unlock_prerequisite_idx";
  DROP INDEX "course_modules_unlock_unlock_prerequisite_module_idx";
  DROP INDEX "lessons_unlock_unlock_prerequisite_module_idx";
  DROP INDEX "payload_locked_documents_rels_content_subscriptions_id_idx";
  ALTER TABLE "membership_plans" DROP COLUMN "lms_full_catalog";
  ALTER TABLE "events" DROP COLUMN "lms_portal_access_before_days";
  ALTER TABLE "events" DROP COLUMN "lms_portal_access_after_days";
  ALTER TABLE "course_modules" DROP COLUMN "unlock_mode";
  ALTER TABLE "course_modules" DROP COLUMN "unlock_days";
  ALTER TABLE "course_modules" DROP COLUMN "unlock_date";
  ALTER TABLE "course_modules" DROP COLUMN "unlock_prerequisite_id";
  ALTER TABLE "course_modules" DROP COLUMN "unlock_prerequisite_module_id";
  ALTER TABLE "lessons" DROP COLUMN "unlock_prerequisite_module_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "content_subscriptions_id";
  DROP TYPE "public"."enum_course_modules_unlock_mode";`)
}
