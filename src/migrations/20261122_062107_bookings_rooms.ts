import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "rooms" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"location_id" uuid,
  	"capacity" numeric,
  	"is_active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "classes" ADD COLUMN "room_id" uuid;
  ALTER TABLE "appointment_services" ADD COLUMN "room_id" uuid;
  ALTER TABLE "appointments" ADD COLUMN "room_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rooms_id" uuid;
  ALTER TABLE "rooms" ADD CONSTRAINT "rooms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rooms" ADD CONSTRAINT "rooms_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "rooms_tenant_idx" ON "rooms" USING btree ("tenant_id");
  CREATE INDEX "rooms_location_idx" ON "rooms" USING btree ("location_id");
  CREATE INDEX "rooms_updated_at_idx" ON "rooms" USING btree ("updated_at");
  CREATE INDEX "rooms_created_at_idx" ON "rooms" USING btree ("created_at");
  CREATE INDEX "tenant_location_idx" ON "rooms" USING btree ("tenant_id","location_id");
  ALTER TABLE "classes" ADD CONSTRAINT "classes_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "appointment_services" ADD CONSTRAINT "appointment_services_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rooms_fk" FOREIGN KEY ("rooms_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "classes_room_idx" ON "classes" USING btree ("room_id");
  CREATE INDEX "appointment_services_room_idx" ON "appointment_services" USING btree ("room_id");
  CREATE INDEX "appointments_room_idx" ON "appointments" USING btree ("room_id");
  CREATE INDEX "payload_locked_documents_rels_rooms_id_idx" ON "payload_locked_documents_rels" USING btree ("rooms_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "rooms" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "rooms" CASCADE;
  ALTER TABLE "classes" DROP CONSTRAINT IF EXISTS "classes_room_id_rooms_id_fk";
  
  ALTER TABLE "appointment_services" DROP CONSTRAINT IF EXISTS "appointment_services_room_id_rooms_id_fk";
  
  ALTER TABLE "appointments" DROP CONSTRAINT IF EXISTS "appointments_room_id_rooms_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_rooms_fk";
  
  DROP INDEX "classes_room_idx";
  DROP INDEX "appointment_services_room_idx";
  DROP INDEX "appointments_room_idx";
  DROP INDEX "payload_locked_documents_rels_rooms_id_idx";
  ALTER TABLE "classes" DROP COLUMN "room_id";
  ALTER TABLE "appointment_services" DROP COLUMN "room_id";
  ALTER TABLE "appointments" DROP COLUMN "room_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rooms_id";`)
}
