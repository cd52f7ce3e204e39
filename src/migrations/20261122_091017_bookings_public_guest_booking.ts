import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_appointments_source" ADD VALUE 'website' BEFORE 'import';
  ALTER TABLE "tenant_settings" ADD COLUMN "bookings_public_guest_booking" boolean DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "appointments" ALTER COLUMN "source" SET DATA TYPE text;
  ALTER TABLE "appointments" ALTER COLUMN "source" SET DEFAULT 'member'::text;
  DROP TYPE "public"."enum_appointments_source";
  CREATE TYPE "public"."enum_appointments_source" AS ENUM('member', 'staff', 'import', 'api');
  ALTER TABLE "appointments" ALTER COLUMN "source" SET DEFAULT 'member'::"public"."enum_appointments_source";
  ALTER TABLE "appointments" ALTER COLUMN "source" SET DATA TYPE "public"."enum_appointments_source" USING "source"::"public"."enum_appointments_source";
  ALTER TABLE "tenant_settings" DROP COLUMN "bookings_public_guest_booking";`)
}
