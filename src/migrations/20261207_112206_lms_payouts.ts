import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" ADD COLUMN "platform_fee_bps" numeric;
  ALTER TABLE "payments_refunds" ADD COLUMN "platform_fee_reversed" numeric;
  ALTER TABLE "tenants" ADD CONSTRAINT "tenants_platform_fee_bps_range"
    CHECK ("platform_fee_bps" IS NULL OR ("platform_fee_bps" >= 0 AND "platform_fee_bps" <= 10000 AND "platform_fee_bps" = trunc("platform_fee_bps")));
  ALTER TABLE "payments" ADD CONSTRAINT "payments_creator_split"
    CHECK (("platform_fee" IS NULL AND "creator_payout" IS NULL)
      OR ("platform_fee" >= 0 AND "creator_payout" >= 0 AND "platform_fee" + "creator_payout" = "amount_amount"));
  ALTER TABLE "payments_refunds" ADD CONSTRAINT "payments_refunds_fee_reversed_nonneg"
    CHECK ("platform_fee_reversed" IS NULL OR "platform_fee_reversed" >= 0);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payments_refunds" DROP CONSTRAINT IF EXISTS "payments_refunds_fee_reversed_nonneg";
  ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_creator_split";
  ALTER TABLE "tenants" DROP CONSTRAINT IF EXISTS "tenants_platform_fee_bps_range";
  ALTER TABLE "tenants" DROP COLUMN "platform_fee_bps";
  ALTER TABLE "payments_refunds" DROP COLUMN "platform_fee_reversed";`)
}
