import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_automation_templates_steps_channel" ADD VALUE 'push';
  ALTER TYPE "public"."enum_automations_steps_channel" ADD VALUE 'push';
  CREATE TABLE "push_subscriptions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"endpoint" varchar NOT NULL,
  	"keys_p256dh" varchar NOT NULL,
  	"keys_auth" varchar NOT NULL,
  	"user_agent" varchar,
  	"last_success_at" timestamp(3) with time zone,
  	"failures" numeric DEFAULT 0 NOT NULL,
  	"disabled_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "push_subscriptions_id" uuid;
  ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "push_subscriptions_tenant_idx" ON "push_subscriptions" USING btree ("tenant_id");
  CREATE INDEX "push_subscriptions_member_idx" ON "push_subscriptions" USING btree ("member_id");
  CREATE INDEX "push_subscriptions_updated_at_idx" ON "push_subscriptions" USING btree ("updated_at");
  CREATE INDEX "push_subscriptions_created_at_idx" ON "push_subscriptions" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_endpoint_idx" ON "push_subscriptions" USING btree ("tenant_id","endpoint");
  CREATE INDEX "member_disabledAt_idx" ON "push_subscriptions" USING btree ("member_id","disabled_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_push_subscriptions_fk" FOREIGN KEY ("push_subscriptions_id") REFERENCES "public"."push_subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_push_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("push_subscriptions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "push_subscriptions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "push_subscriptions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_push_subscriptions_fk";
  
  ALTER TABLE "automation_templates_steps" ALTER COLUMN "channel" SET DATA TYPE text;
  ALTER TABLE "automation_templates_steps" ALTER COLUMN "channel" SET DEFAULT 'email'::text;
  DROP TYPE "public"."enum_automation_templates_steps_channel";
  CREATE TYPE "public"."enum_automation_templates_steps_channel" AS ENUM('email', 'sms', 'in_app');
  ALTER TABLE "automation_templates_steps" ALTER COLUMN "channel" SET DEFAULT 'email'::"public"."enum_automation_templates_steps_channel";
  ALTER TABLE "automation_templates_steps" ALTER COLUMN "channel" SET DATA TYPE "public"."enum_automation_templates_steps_channel" USING "channel"::"public"."enum_automation_templates_steps_channel";
  ALTER TABLE "automations_steps" ALTER COLUMN "channel" SET DATA TYPE text;
  ALTER TABLE "automations_steps" ALTER COLUMN "channel" SET DEFAULT 'email'::text;
  DROP TYPE "public"."enum_automations_steps_channel";
  CREATE TYPE "public"."enum_automations_steps_channel" AS ENUM('email', 'sms', 'in_app');
  ALTER TABLE "automations_steps" ALTER COLUMN "channel" SET DEFAULT 'email'::"public"."enum_automations_steps_channel";
  ALTER TABLE "automations_steps" ALTER COLUMN "channel" SET DATA TYPE "public"."enum_automations_steps_channel" USING "channel"::"public"."enum_automations_steps_channel";
  DROP INDEX "payload_locked_documents_rels_push_subscriptions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "push_subscriptions_id";`)
}
