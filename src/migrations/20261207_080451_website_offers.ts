import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "coupons" ADD COLUMN "advertise" boolean DEFAULT false;
  ALTER TABLE "coupons" ADD COLUMN "offer_description" varchar;
  ALTER TABLE "coupons" ADD COLUMN "offer_terms" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "coupons" DROP COLUMN "advertise";
  ALTER TABLE "coupons" DROP COLUMN "offer_description";
  ALTER TABLE "coupons" DROP COLUMN "offer_terms";`)
}
