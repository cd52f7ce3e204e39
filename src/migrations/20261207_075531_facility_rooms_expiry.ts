import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenant_settings" ADD COLUMN "facility_guest_waiver_at_desk" boolean DEFAULT false;
  ALTER TABLE "facility_resources" ADD COLUMN "room_id" uuid;
  ALTER TABLE "guests" ADD COLUMN "waiver_signed_at" timestamp(3) with time zone;
  ALTER TABLE "day_passes" ADD COLUMN "voided_at" timestamp(3) with time zone;
  ALTER TABLE "facility_resources" ADD CONSTRAINT "facility_resources_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "facility_resources_room_idx" ON "facility_resources" USING btree ("room_id");`)
  // Only a resource of type room may be a bookings room (its field refuses others too).
  await db.execute(sql`
  ALTER TABLE "facility_resources" ADD CONSTRAINT "facility_resources_room_only_rooms" CHECK ("room_id" IS NULL OR "type" = 'room');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "facility_resources" DROP CONSTRAINT IF EXISTS "facility_resources_room_only_rooms";
  ALTER TABLE "facility_resources" DROP CONSTRAINT IF EXISTS "facility_resources_room_id_rooms_id_fk";
  DROP INDEX IF EXISTS "facility_resources_room_idx";
  ALTER TABLE "tenant_settings" DROP COLUMN "facility_guest_waiver_at_desk";
  ALTER TABLE "facility_resources" DROP COLUMN "room_id";
  ALTER TABLE "guests" DROP COLUMN "waiver_signed_at";
  ALTER TABLE "day_passes" DROP COLUMN "voided_at";`)
}
