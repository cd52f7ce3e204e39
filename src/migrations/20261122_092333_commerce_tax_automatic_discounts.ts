import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tax_rates_kinds" AS ENUM('retail', 'cafe', 'credit_pack', 'day_pass', 'gift_card', 'service', 'digital', 'fee');
  CREATE TYPE "public"."enum_tax_rates_mode" AS ENUM('exclusive', 'inclusive');
  ALTER TYPE "public"."enum_coupons_mode" ADD VALUE 'automatic';
  CREATE TABLE "tax_rates_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_tax_rates_kinds",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "tax_rates" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"rate_bps" numeric NOT NULL,
  	"mode" "enum_tax_rates_mode" DEFAULT 'exclusive' NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "orders" ADD COLUMN "tax_included" numeric DEFAULT 0 NOT NULL;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tax_rates_id" uuid;
  ALTER TABLE "tax_rates_kinds" ADD CONSTRAINT "tax_rates_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tax_rates"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "tax_rates_kinds_order_idx" ON "tax_rates_kinds" USING btree ("order");
  CREATE INDEX "tax_rates_kinds_parent_idx" ON "tax_rates_kinds" USING btree ("parent_id");
  CREATE INDEX "tax_rates_tenant_idx" ON "tax_rates" USING btree ("tenant_id");
  CREATE INDEX "tax_rates_updated_at_idx" ON "tax_rates" USING btree ("updated_at");
  CREATE INDEX "tax_rates_created_at_idx" ON "tax_rates" USING btree ("created_at");
  CREATE INDEX "tenant_active_idx" ON "tax_rates" USING btree ("tenant_id","active");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tax_rates_fk" FOREIGN KEY ("tax_rates_id") REFERENCES "public"."tax_rates"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_tax_rates_id_idx" ON "payload_locked_documents_rels" USING btree ("tax_rates_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tax_rates_kinds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tax_rates" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "tax_rates_kinds" CASCADE;
  DROP TABLE "tax_rates" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_tax_rates_fk";
  
  ALTER TABLE "coupons" ALTER COLUMN "mode" SET DATA TYPE text;
  ALTER TABLE "coupons" ALTER COLUMN "mode" SET DEFAULT 'code'::text;
  DROP TYPE "public"."enum_coupons_mode";
  CREATE TYPE "public"."enum_coupons_mode" AS ENUM('code');
  ALTER TABLE "coupons" ALTER COLUMN "mode" SET DEFAULT 'code'::"public"."enum_coupons_mode";
  ALTER TABLE "coupons" ALTER COLUMN "mode" SET DATA TYPE "public"."enum_coupons_mode" USING "mode"::"public"."enum_coupons_mode";
  DROP INDEX "payload_locked_documents_rels_tax_rates_id_idx";
  ALTER TABLE "orders" DROP COLUMN "tax_included";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tax_rates_id";
  DROP TYPE "public"."enum_tax_rates_kinds";
  DROP TYPE "public"."enum_tax_rates_mode";`)
}
