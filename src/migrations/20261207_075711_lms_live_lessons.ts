import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_lessons_item_type" ADD VALUE 'live';
  ALTER TABLE "lessons" ADD COLUMN "live_class_id" uuid;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_live_class_id_classes_id_fk" FOREIGN KEY ("live_class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "lessons_live_class_idx" ON "lessons" USING btree ("live_class_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "lessons" DROP CONSTRAINT IF EXISTS "lessons_live_class_id_classes_id_fk";
  -- live-session lessons cannot exist without the enum value: they go with it
  DELETE FROM "lessons" WHERE "item_type" = 'live';
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DATA TYPE text;
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DEFAULT 'video'::text;
  DROP TYPE "public"."enum_lessons_item_type";
  CREATE TYPE "public"."enum_lessons_item_type" AS ENUM('video', 'audio', 'text', 'quiz', 'assignment');
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DEFAULT 'video'::"public"."enum_lessons_item_type";
  ALTER TABLE "lessons" ALTER COLUMN "item_type" SET DATA TYPE "public"."enum_lessons_item_type" USING "item_type"::"public"."enum_lessons_item_type";
  DROP INDEX IF EXISTS "lessons_live_class_idx";
  ALTER TABLE "lessons" DROP COLUMN "live_class_id";`)
}
