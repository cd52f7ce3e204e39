import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "assignment_files" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"submission_id" uuid NOT NULL,
  	"member_id" uuid,
  	"assignment_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "assignment_files_id" uuid;
  ALTER TABLE "assignment_files" ADD CONSTRAINT "assignment_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignment_files" ADD CONSTRAINT "assignment_files_submission_id_assignment_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."assignment_submissions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignment_files" ADD CONSTRAINT "assignment_files_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "assignment_files" ADD CONSTRAINT "assignment_files_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "assignment_files_tenant_idx" ON "assignment_files" USING btree ("tenant_id");
  CREATE INDEX "assignment_files_submission_idx" ON "assignment_files" USING btree ("submission_id");
  CREATE INDEX "assignment_files_member_idx" ON "assignment_files" USING btree ("member_id");
  CREATE INDEX "assignment_files_assignment_idx" ON "assignment_files" USING btree ("assignment_id");
  CREATE INDEX "assignment_files_updated_at_idx" ON "assignment_files" USING btree ("updated_at");
  CREATE INDEX "assignment_files_created_at_idx" ON "assignment_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "assignment_files_filename_idx" ON "assignment_files" USING btree ("filename");
  CREATE INDEX "tenant_submission_idx" ON "assignment_files" USING btree ("tenant_id","submission_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_assignment_files_fk" FOREIGN KEY ("assignment_files_id") REFERENCES "public"."assignment_files"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_assignment_files_id_idx" ON "payload_locked_documents_rels" USING btree ("assignment_files_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "assignment_files" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "assignment_files" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_assignment_files_fk";
  
  DROP INDEX "payload_locked_documents_rels_assignment_files_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "assignment_files_id";`)
}
