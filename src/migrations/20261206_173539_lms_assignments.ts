import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_assignments_due_mode" AS ENUM('none', 'after_days', 'on_date');
  CREATE TYPE "public"."enum_assignment_submissions_status" AS ENUM('submitted', 'graded', 'returned');
  ALTER TYPE "public"."enum_lessons_item_type" ADD VALUE 'quiz';
  ALTER TYPE "public"."enum_lessons_item_type" ADD VALUE 'assignment';
  CREATE TABLE "assignments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"instructions" jsonb,
  	"due_mode" "enum_assignments_due_mode" DEFAULT 'none' NOT NULL,
  	"due_days" numeric,
  	"due_date" timestamp(3) with time zone,
  	"max_points" numeric DEFAULT 100 NOT NULL,
  	"passing_points" numeric DEFAULT 50 NOT NULL,
  	"allow_resubmission" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "assignment_submissions_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "assignment_submissions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"assignment_id" uuid NOT NULL,
  	"member_id" uuid NOT NULL,
  	"attempt" numeric NOT NULL,
  	"submitted_at" timestamp(3) with time zone NOT NULL,
  	"late" boolean DEFAULT false,
  	"body" varchar,
  	"status" "enum_assignment_submissions_status" DEFAULT 'submitted' NOT NULL,
  	"points" numeric,
  	"feedback" varchar,
  	"graded_by_id" uuid,
  	"graded_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "lessons" ALTER COLUMN "content_id" DROP NOT NULL;
  ALTER TABLE "lessons" ADD COLUMN "quiz_id" uuid;
  ALTER TABLE "lessons" ADD COLUMN "assignment_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "assignments_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "assignment_submissions_id" uuid;
  ALTER TABLE "assignments" ADD CONSTRAINT "assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignment_submissions_links" ADD CONSTRAINT "assignment_submissions_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."assignment_submissions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_graded_by_id_users_id_fk" FOREIGN KEY ("graded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "assignments_tenant_idx" ON "assignments" USING btree ("tenant_id");
  CREATE INDEX "assignments_updated_at_idx" ON "assignments" USING btree ("updated_at");
  CREATE INDEX "assignments_created_at_idx" ON "assignments" USING btree ("created_at");
  CREATE INDEX "assignment_submissions_links_order_idx" ON "assignment_submissions_links" USING btree ("_order");
  CREATE INDEX "assignment_submissions_links_parent_id_idx" ON "assignment_submissions_links" USING btree ("_parent_id");
  CREATE INDEX "assignment_submissions_tenant_idx" ON "assignment_submissions" USING btree ("tenant_id");
  CREATE INDEX "assignment_submissions_assignment_idx" ON "assignment_submissions" USING btree ("assignment_id");
  CREATE INDEX "assignment_submissions_member_idx" ON "assignment_submissions" USING btree ("member_id");
  CREATE INDEX "assignment_submissions_graded_by_idx" ON "assignment_submissions" USING btree ("graded_by_id");
  CREATE INDEX "assignment_submissions_updated_at_idx" ON "assignment_submissions" USING btree ("updated_at");
  CREATE INDEX "assignment_submissions_created_at_idx" ON "assignment_submissions" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_assignment_member_attempt_idx" ON "assignment_submissions" USING btree ("tenant_id","assignment_id","member_id","attempt");
  CREATE INDEX "tenant_status_submittedAt_idx" ON "assignment_submissions" USING btree ("tenant_id","status","submitted_at");
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_assignments_fk" FOREIGN KEY ("assignments_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_assignment_submissions_fk" FOREIGN KEY ("assignment_submissions_id") REFERENCES "public"."assignment_submissions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "lessons_quiz_idx" ON "lessons" USING btree ("quiz_id");
  CREATE INDEX "lessons_assignment_idx" ON "lessons" USING btree ("assignment_id");
  CREATE INDEX "payload_locked_documents_rels_assignments_id_idx" ON "payload_locked_documents_rels" USING btree ("assignments_id");
  CREATE INDEX "payload_locked_documents_rels_assignment_submissions_id_idx" ON "payload_locked_documents_rels" USING btree ("assignment_submissions_id");`)
  // lms invariants the field config cannot express (DOMAIN-MAP lms, assignment-submissions): one live
  // (submitted or graded) submission per assignment and member; graded ⇒ points and gradedAt are set.
  await db.execute(sql`
  CREATE UNIQUE INDEX "assignment_submissions_one_live" ON "assignment_submissions" USING btree ("assignment_id","member_id") WHERE "status" <> 'returned';
  ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_points_range" CHECK ("points" IS NULL OR "points" >= 0);
  ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_attempt_positive" CHECK ("attempt" >= 1);
  ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_graded_stamped" CHECK ("status" <> 'graded' OR ("points" IS NOT NULL AND "graded_at" IS NOT NULL));
  ALTER TABLE "assignments" ADD CONSTRAINT "assignments_passing_within_max" CHECK ("passing_points" >= 0 AND "passing_points" <= "max_points");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "assignments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "assignment_submissions_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "assignment_submissions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "assignments" CASCADE;
  DROP TABLE "assignment_submissions_links" CASCADE;
  DROP TABLE "assignment_submissions" CASCADE;
  ALTER TABLE "lessons" DROP CONSTRAINT IF EXISTS "lessons_quiz_id_quizzes_id_fk";
  
  ALTER TABLE "lessons" DROP CONSTRAINT IF EXISTS "lessons_assignment_id_assignments_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_assignments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_assignment_submissions_fk";
  
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DATA TYPE text;
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DEFAULT 'video'::text;
  DROP TYPE "public"."enum_lessons_item_type";
  CREATE TYPE "public"."enum_lessons_item_type" AS ENUM('video', 'audio', 'text');
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DEFAULT 'video'::"public"."enum_lessons_item_type";
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DATA TYPE "public"."enum_lessons_item_type" USING "item_type"::"public"."enum_lessons_item_type";
  DROP INDEX "lessons_quiz_idx";
  DROP INDEX "lessons_assignment_idx";
  DROP INDEX "payload_locked_documents_rels_assignments_id_idx";
  DROP INDEX "payload_locked_documents_rels_assignment_submissions_id_idx";
  ALTER TABLE "lessons" ALTER COLUMN "content_id" SET NOT NULL;
  ALTER TABLE "lessons" DROP COLUMN "quiz_id";
  ALTER TABLE "lessons" DROP COLUMN "assignment_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "assignments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "assignment_submissions_id";
  DROP TYPE "public"."enum_assignments_due_mode";
  DROP TYPE "public"."enum_assignment_submissions_status";`)
}
