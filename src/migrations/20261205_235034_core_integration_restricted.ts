import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_integration_connections_status" ADD VALUE 'restricted' BEFORE 'error';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "integration_connections" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "integration_connections" ALTER COLUMN "status" SET DEFAULT 'disconnected'::text;
  DROP TYPE "public"."enum_integration_connections_status";
  CREATE TYPE "public"."enum_integration_connections_status" AS ENUM('connected', 'error', 'disconnected');
  ALTER TABLE "integration_connections" ALTER COLUMN "status" SET DEFAULT 'disconnected'::"public"."enum_integration_connections_status";
  ALTER TABLE "integration_connections" ALTER COLUMN "status" SET DATA TYPE "public"."enum_integration_connections_status" USING "status"::"public"."enum_integration_connections_status";`)
}
