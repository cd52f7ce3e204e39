import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_day_passes_status" AS ENUM('active', 'used', 'void');
  CREATE TABLE "day_passes" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"order" varchar NOT NULL,
  	"unit" numeric DEFAULT 1 NOT NULL,
  	"product" varchar,
  	"member_id" uuid,
  	"guest_id" uuid,
  	"status" "enum_day_passes_status" DEFAULT 'active' NOT NULL,
  	"used_at" timestamp(3) with time zone,
  	"used_on" varchar,
  	"check_in_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "guest_check_ins" ALTER COLUMN "host_id" DROP NOT NULL;
  ALTER TABLE "facility_tiers" ADD COLUMN "included_minutes_per_day" numeric;
  ALTER TABLE "fee_snapshots" ADD COLUMN "commerce_order" varchar;
  ALTER TABLE "guest_check_ins" ADD COLUMN "day_pass_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "day_passes_id" uuid;
  ALTER TABLE "day_passes" ADD CONSTRAINT "day_passes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "day_passes" ADD CONSTRAINT "day_passes_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "day_passes" ADD CONSTRAINT "day_passes_guest_id_guests_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."guests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "day_passes" ADD CONSTRAINT "day_passes_check_in_id_guest_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."guest_check_ins"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "day_passes_tenant_idx" ON "day_passes" USING btree ("tenant_id");
  CREATE INDEX "day_passes_member_idx" ON "day_passes" USING btree ("member_id");
  CREATE INDEX "day_passes_guest_idx" ON "day_passes" USING btree ("guest_id");
  CREATE INDEX "day_passes_check_in_idx" ON "day_passes" USING btree ("check_in_id");
  CREATE INDEX "day_passes_updated_at_idx" ON "day_passes" USING btree ("updated_at");
  CREATE INDEX "day_passes_created_at_idx" ON "day_passes" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_order_unit_idx" ON "day_passes" USING btree ("tenant_id","order","unit");
  CREATE INDEX "tenant_guest_idx" ON "day_passes" USING btree ("tenant_id","guest_id");
  ALTER TABLE "guest_check_ins" ADD CONSTRAINT "guest_check_ins_day_pass_id_day_passes_id_fk" FOREIGN KEY ("day_pass_id") REFERENCES "public"."day_passes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_day_passes_fk" FOREIGN KEY ("day_passes_id") REFERENCES "public"."day_passes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "fee_snapshots_commerce_order_idx" ON "fee_snapshots" USING btree ("commerce_order");
  CREATE INDEX "guest_check_ins_day_pass_idx" ON "guest_check_ins" USING btree ("day_pass_id");
  CREATE INDEX "payload_locked_documents_rels_day_passes_id_idx" ON "payload_locked_documents_rels" USING btree ("day_passes_id");`)
  // Constraints the field config cannot express: a day pass has a holder and a unit ≥ 1; a commerce
  // order pays at most one fee snapshot (so its order.paid marks exactly one).
  await db.execute(sql`
  ALTER TABLE "day_passes" ADD CONSTRAINT "day_passes_holder_ck" CHECK ("member_id" IS NOT NULL OR "guest_id" IS NOT NULL);
  ALTER TABLE "day_passes" ADD CONSTRAINT "day_passes_unit_ck" CHECK ("unit" >= 1);
  CREATE UNIQUE INDEX "fee_snapshots_commerce_order_unique" ON "fee_snapshots" ("commerce_order") WHERE "commerce_order" IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS "fee_snapshots_commerce_order_unique";`)
  await db.execute(sql`
   ALTER TABLE "day_passes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "day_passes" CASCADE;
  ALTER TABLE "guest_check_ins" DROP CONSTRAINT IF EXISTS "guest_check_ins_day_pass_id_day_passes_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_day_passes_fk";
  
  DROP INDEX "fee_snapshots_commerce_order_idx";
  DROP INDEX "guest_check_ins_day_pass_idx";
  DROP INDEX "payload_locked_documents_rels_day_passes_id_idx";
  ALTER TABLE "guest_check_ins" ALTER COLUMN "host_id" SET NOT NULL;
  ALTER TABLE "facility_tiers" DROP COLUMN "included_minutes_per_day";
  ALTER TABLE "fee_snapshots" DROP COLUMN "commerce_order";
  ALTER TABLE "guest_check_ins" DROP COLUMN "day_pass_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "day_passes_id";
  DROP TYPE "public"."enum_day_passes_status";`)
}
