import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "automations_variants_overrides" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"step" numeric NOT NULL,
  	"subject" varchar,
  	"body" varchar
  );
  
  CREATE TABLE "automations_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"weight" numeric DEFAULT 50 NOT NULL
  );
  
  CREATE TABLE "automation_assignments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"automation_id" uuid NOT NULL,
  	"member_id" uuid NOT NULL,
  	"variant" varchar NOT NULL,
  	"bucket" numeric NOT NULL,
  	"assigned_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "automations_steps" ADD COLUMN "branch_condition" jsonb;
  ALTER TABLE "automations_steps" ADD COLUMN "branch_if_true" varchar DEFAULT 'send';
  ALTER TABLE "automations_steps" ADD COLUMN "branch_if_false" varchar DEFAULT 'end';
  ALTER TABLE "automations" ADD COLUMN "holdout_percent" numeric DEFAULT 0;
  ALTER TABLE "automations" ADD COLUMN "goal_days" numeric DEFAULT 14;
  ALTER TABLE "automation_logs" ADD COLUMN "current_step" numeric;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "automation_assignments_id" uuid;
  ALTER TABLE "automations_variants_overrides" ADD CONSTRAINT "automations_variants_overrides_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."automations_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "automations_variants" ADD CONSTRAINT "automations_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "automation_assignments" ADD CONSTRAINT "automation_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "automation_assignments" ADD CONSTRAINT "automation_assignments_automation_id_automations_id_fk" FOREIGN KEY ("automation_id") REFERENCES "public"."automations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "automation_assignments" ADD CONSTRAINT "automation_assignments_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "automations_variants_overrides_order_idx" ON "automations_variants_overrides" USING btree ("_order");
  CREATE INDEX "automations_variants_overrides_parent_id_idx" ON "automations_variants_overrides" USING btree ("_parent_id");
  CREATE INDEX "automations_variants_order_idx" ON "automations_variants" USING btree ("_order");
  CREATE INDEX "automations_variants_parent_id_idx" ON "automations_variants" USING btree ("_parent_id");
  CREATE INDEX "automation_assignments_tenant_idx" ON "automation_assignments" USING btree ("tenant_id");
  CREATE INDEX "automation_assignments_automation_idx" ON "automation_assignments" USING btree ("automation_id");
  CREATE INDEX "automation_assignments_member_idx" ON "automation_assignments" USING btree ("member_id");
  CREATE INDEX "automation_assignments_updated_at_idx" ON "automation_assignments" USING btree ("updated_at");
  CREATE INDEX "automation_assignments_created_at_idx" ON "automation_assignments" USING btree ("created_at");
  CREATE UNIQUE INDEX "automation_member_idx" ON "automation_assignments" USING btree ("automation_id","member_id");
  CREATE INDEX "tenant_automation_variant_idx" ON "automation_assignments" USING btree ("tenant_id","automation_id","variant");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_automation_assignments_fk" FOREIGN KEY ("automation_assignments_id") REFERENCES "public"."automation_assignments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_automation_assignments_id_idx" ON "payload_locked_documents_rels" USING btree ("automation_assignments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "automations_variants_overrides" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "automations_variants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "automation_assignments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "automations_variants_overrides" CASCADE;
  DROP TABLE "automations_variants" CASCADE;
  DROP TABLE "automation_assignments" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_automation_assignments_fk";
  
  DROP INDEX "payload_locked_documents_rels_automation_assignments_id_idx";
  ALTER TABLE "automations_steps" DROP COLUMN "branch_condition";
  ALTER TABLE "automations_steps" DROP COLUMN "branch_if_true";
  ALTER TABLE "automations_steps" DROP COLUMN "branch_if_false";
  ALTER TABLE "automations" DROP COLUMN "holdout_percent";
  ALTER TABLE "automations" DROP COLUMN "goal_days";
  ALTER TABLE "automation_logs" DROP COLUMN "current_step";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "automation_assignments_id";`)
}
