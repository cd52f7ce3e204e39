import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_membership_plans_prices_interval" AS ENUM('week', 'month', 'year', 'one_time');
  CREATE TYPE "public"."enum_subscriptions_status" AS ENUM('incomplete', 'trialing', 'active', 'past_due', 'paused', 'canceled');
  CREATE TYPE "public"."enum_subscriptions_provider" AS ENUM('manual', 'stripe');
  CREATE TYPE "public"."enum_subscriptions_dunning_stage" AS ENUM('none', 'retrying', 'final_notice', 'suspended');
  CREATE TYPE "public"."enum_invoices_status" AS ENUM('draft', 'open', 'paid', 'void', 'uncollectible');
  CREATE TYPE "public"."enum_billing_groups_type" AS ENUM('family', 'corporate');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'renewManualSubscriptions' BEFORE 'expireCreditLots';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'renewManualSubscriptions' BEFORE 'expireCreditLots';
  CREATE TABLE "membership_plans_prices" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"interval" "enum_membership_plans_prices_interval" DEFAULT 'month' NOT NULL,
  	"interval_count" numeric DEFAULT 1 NOT NULL,
  	"amount" numeric NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"active" boolean DEFAULT true,
  	"stripe_price_id" varchar
  );
  
  CREATE TABLE "membership_plans" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"active" boolean DEFAULT true,
  	"trial_days" numeric DEFAULT 0,
  	"credit_grant_per_period" numeric,
  	"credit_expiry_days" numeric,
  	"guest_passes_per_period" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "membership_plans_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "plan_features" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"plan_id" uuid NOT NULL,
  	"feature_key" varchar NOT NULL,
  	"value" varchar DEFAULT 'unlimited' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscriptions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"plan_id" uuid NOT NULL,
  	"price_key" varchar NOT NULL,
  	"status" "enum_subscriptions_status" DEFAULT 'incomplete' NOT NULL,
  	"provider" "enum_subscriptions_provider" DEFAULT 'manual' NOT NULL,
  	"stripe_subscription_id" varchar,
  	"stripe_customer_id" varchar,
  	"current_period_start" timestamp(3) with time zone,
  	"current_period_end" timestamp(3) with time zone,
  	"trial_end" timestamp(3) with time zone,
  	"cancel_at_period_end" boolean DEFAULT false,
  	"canceled_at" timestamp(3) with time zone,
  	"paused_at" timestamp(3) with time zone,
  	"dunning_stage" "enum_subscriptions_dunning_stage" DEFAULT 'none' NOT NULL,
  	"last_event_at" timestamp(3) with time zone,
  	"billing_group_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoices_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"description" varchar NOT NULL,
  	"quantity" numeric DEFAULT 1 NOT NULL,
  	"unit_amount" numeric NOT NULL,
  	"amount" numeric NOT NULL
  );
  
  CREATE TABLE "invoices" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"subscription_id" uuid,
  	"member_id" uuid NOT NULL,
  	"number" varchar NOT NULL,
  	"amount_amount" numeric NOT NULL,
  	"amount_currency" varchar NOT NULL,
  	"status" "enum_invoices_status" DEFAULT 'draft' NOT NULL,
  	"period_start" timestamp(3) with time zone,
  	"period_end" timestamp(3) with time zone,
  	"due_at" timestamp(3) with time zone,
  	"paid_at" timestamp(3) with time zone,
  	"payment_id" uuid,
  	"stripe_invoice_id" varchar,
  	"provider_snapshot" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "billing_groups" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"type" "enum_billing_groups_type" DEFAULT 'family' NOT NULL,
  	"payer_id" uuid NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "billing_groups_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"tenant_memberships_id" uuid
  );
  
  CREATE TABLE "usage_records" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"subscription_id" uuid,
  	"member_id" uuid NOT NULL,
  	"feature_key" varchar NOT NULL,
  	"period_start" timestamp(3) with time zone NOT NULL,
  	"period_end" timestamp(3) with time zone,
  	"quantity" numeric DEFAULT 0 NOT NULL,
  	"targets" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  DROP INDEX "tenant_number_idx";
  DROP INDEX "tenant_member_1_idx";
  DROP INDEX "tenant_status_idx";
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "membership_plans_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "plan_features_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscriptions_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "invoices_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "billing_groups_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "usage_records_id" uuid;
  ALTER TABLE "membership_plans_prices" ADD CONSTRAINT "membership_plans_prices_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."membership_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "membership_plans" ADD CONSTRAINT "membership_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "membership_plans_texts" ADD CONSTRAINT "membership_plans_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."membership_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plan_features" ADD CONSTRAINT "plan_features_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_features" ADD CONSTRAINT "plan_features_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."membership_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_membership_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."membership_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_billing_group_id_billing_groups_id_fk" FOREIGN KEY ("billing_group_id") REFERENCES "public"."billing_groups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices_lines" ADD CONSTRAINT "invoices_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "billing_groups" ADD CONSTRAINT "billing_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "billing_groups" ADD CONSTRAINT "billing_groups_payer_id_tenant_memberships_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "billing_groups_rels" ADD CONSTRAINT "billing_groups_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."billing_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "billing_groups_rels" ADD CONSTRAINT "billing_groups_rels_tenant_memberships_fk" FOREIGN KEY ("tenant_memberships_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage_records" ADD CONSTRAINT "usage_records_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "membership_plans_prices_order_idx" ON "membership_plans_prices" USING btree ("_order");
  CREATE INDEX "membership_plans_prices_parent_id_idx" ON "membership_plans_prices" USING btree ("_parent_id");
  CREATE INDEX "membership_plans_tenant_idx" ON "membership_plans" USING btree ("tenant_id");
  CREATE INDEX "membership_plans_updated_at_idx" ON "membership_plans" USING btree ("updated_at");
  CREATE INDEX "membership_plans_created_at_idx" ON "membership_plans" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_name_idx" ON "membership_plans" USING btree ("tenant_id","name");
  CREATE INDEX "membership_plans_texts_order_parent" ON "membership_plans_texts" USING btree ("order","parent_id");
  CREATE INDEX "plan_features_tenant_idx" ON "plan_features" USING btree ("tenant_id");
  CREATE INDEX "plan_features_plan_idx" ON "plan_features" USING btree ("plan_id");
  CREATE INDEX "plan_features_updated_at_idx" ON "plan_features" USING btree ("updated_at");
  CREATE INDEX "plan_features_created_at_idx" ON "plan_features" USING btree ("created_at");
  CREATE UNIQUE INDEX "plan_featureKey_idx" ON "plan_features" USING btree ("plan_id","feature_key");
  CREATE INDEX "subscriptions_tenant_idx" ON "subscriptions" USING btree ("tenant_id");
  CREATE INDEX "subscriptions_member_idx" ON "subscriptions" USING btree ("member_id");
  CREATE INDEX "subscriptions_plan_idx" ON "subscriptions" USING btree ("plan_id");
  CREATE INDEX "subscriptions_billing_group_idx" ON "subscriptions" USING btree ("billing_group_id");
  CREATE INDEX "subscriptions_updated_at_idx" ON "subscriptions" USING btree ("updated_at");
  CREATE INDEX "subscriptions_created_at_idx" ON "subscriptions" USING btree ("created_at");
  CREATE INDEX "tenant_status_idx" ON "subscriptions" USING btree ("tenant_id","status");
  CREATE INDEX "tenant_member_1_idx" ON "subscriptions" USING btree ("tenant_id","member_id");
  CREATE INDEX "currentPeriodEnd_idx" ON "subscriptions" USING btree ("current_period_end");
  CREATE INDEX "invoices_lines_order_idx" ON "invoices_lines" USING btree ("_order");
  CREATE INDEX "invoices_lines_parent_id_idx" ON "invoices_lines" USING btree ("_parent_id");
  CREATE INDEX "invoices_tenant_idx" ON "invoices" USING btree ("tenant_id");
  CREATE INDEX "invoices_subscription_idx" ON "invoices" USING btree ("subscription_id");
  CREATE INDEX "invoices_member_idx" ON "invoices" USING btree ("member_id");
  CREATE INDEX "invoices_payment_idx" ON "invoices" USING btree ("payment_id");
  CREATE INDEX "invoices_updated_at_idx" ON "invoices" USING btree ("updated_at");
  CREATE INDEX "invoices_created_at_idx" ON "invoices" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_idx" ON "invoices" USING btree ("tenant_id","number");
  CREATE INDEX "tenant_status_dueAt_idx" ON "invoices" USING btree ("tenant_id","status","due_at");
  CREATE INDEX "subscription_idx" ON "invoices" USING btree ("subscription_id");
  CREATE INDEX "billing_groups_tenant_idx" ON "billing_groups" USING btree ("tenant_id");
  CREATE INDEX "billing_groups_payer_idx" ON "billing_groups" USING btree ("payer_id");
  CREATE INDEX "billing_groups_updated_at_idx" ON "billing_groups" USING btree ("updated_at");
  CREATE INDEX "billing_groups_created_at_idx" ON "billing_groups" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_payer_idx" ON "billing_groups" USING btree ("tenant_id","payer_id");
  CREATE INDEX "billing_groups_rels_order_idx" ON "billing_groups_rels" USING btree ("order");
  CREATE INDEX "billing_groups_rels_parent_idx" ON "billing_groups_rels" USING btree ("parent_id");
  CREATE INDEX "billing_groups_rels_path_idx" ON "billing_groups_rels" USING btree ("path");
  CREATE INDEX "billing_groups_rels_tenant_memberships_id_idx" ON "billing_groups_rels" USING btree ("tenant_memberships_id");
  CREATE INDEX "usage_records_tenant_idx" ON "usage_records" USING btree ("tenant_id");
  CREATE INDEX "usage_records_subscription_idx" ON "usage_records" USING btree ("subscription_id");
  CREATE INDEX "usage_records_member_idx" ON "usage_records" USING btree ("member_id");
  CREATE INDEX "usage_records_updated_at_idx" ON "usage_records" USING btree ("updated_at");
  CREATE INDEX "usage_records_created_at_idx" ON "usage_records" USING btree ("created_at");
  CREATE UNIQUE INDEX "member_featureKey_periodStart_idx" ON "usage_records" USING btree ("member_id","feature_key","period_start");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_membership_plans_fk" FOREIGN KEY ("membership_plans_id") REFERENCES "public"."membership_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plan_features_fk" FOREIGN KEY ("plan_features_id") REFERENCES "public"."plan_features"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscriptions_fk" FOREIGN KEY ("subscriptions_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_invoices_fk" FOREIGN KEY ("invoices_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_billing_groups_fk" FOREIGN KEY ("billing_groups_id") REFERENCES "public"."billing_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_usage_records_fk" FOREIGN KEY ("usage_records_id") REFERENCES "public"."usage_records"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "tenant_number_1_idx" ON "orders" USING btree ("tenant_id","number");
  CREATE INDEX "tenant_member_2_idx" ON "orders" USING btree ("tenant_id","member_id");
  CREATE INDEX "tenant_status_1_idx" ON "class_series" USING btree ("tenant_id","status");
  CREATE INDEX "payload_locked_documents_rels_membership_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("membership_plans_id");
  CREATE INDEX "payload_locked_documents_rels_plan_features_id_idx" ON "payload_locked_documents_rels" USING btree ("plan_features_id");
  CREATE INDEX "payload_locked_documents_rels_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("subscriptions_id");
  CREATE INDEX "payload_locked_documents_rels_invoices_id_idx" ON "payload_locked_documents_rels" USING btree ("invoices_id");
  CREATE INDEX "payload_locked_documents_rels_billing_groups_id_idx" ON "payload_locked_documents_rels" USING btree ("billing_groups_id");
  CREATE INDEX "payload_locked_documents_rels_usage_records_id_idx" ON "payload_locked_documents_rels" USING btree ("usage_records_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "membership_plans_prices" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "membership_plans" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "membership_plans_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "plan_features" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscriptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoices_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoices" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "billing_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "billing_groups_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "usage_records" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "membership_plans_prices" CASCADE;
  DROP TABLE "membership_plans" CASCADE;
  DROP TABLE "membership_plans_texts" CASCADE;
  DROP TABLE "plan_features" CASCADE;
  DROP TABLE "subscriptions" CASCADE;
  DROP TABLE "invoices_lines" CASCADE;
  DROP TABLE "invoices" CASCADE;
  DROP TABLE "billing_groups" CASCADE;
  DROP TABLE "billing_groups_rels" CASCADE;
  DROP TABLE "usage_records" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_membership_plans_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_plan_features_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_subscriptions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_invoices_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_billing_groups_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_usage_records_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'expireCreditLots', 'materializeClassSeries', 'completeClasses');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits', 'expireCreditLots', 'materializeClassSeries', 'completeClasses');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "tenant_number_1_idx";
  DROP INDEX "tenant_member_2_idx";
  DROP INDEX "tenant_status_1_idx";
  DROP INDEX "payload_locked_documents_rels_membership_plans_id_idx";
  DROP INDEX "payload_locked_documents_rels_plan_features_id_idx";
  DROP INDEX "payload_locked_documents_rels_subscriptions_id_idx";
  DROP INDEX "payload_locked_documents_rels_invoices_id_idx";
  DROP INDEX "payload_locked_documents_rels_billing_groups_id_idx";
  DROP INDEX "payload_locked_documents_rels_usage_records_id_idx";
  CREATE UNIQUE INDEX "tenant_number_idx" ON "orders" USING btree ("tenant_id","number");
  CREATE INDEX "tenant_member_1_idx" ON "orders" USING btree ("tenant_id","member_id");
  CREATE INDEX "tenant_status_idx" ON "class_series" USING btree ("tenant_id","status");
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "membership_plans_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "plan_features_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscriptions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "invoices_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "billing_groups_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "usage_records_id";
  DROP TYPE "public"."enum_membership_plans_prices_interval";
  DROP TYPE "public"."enum_subscriptions_status";
  DROP TYPE "public"."enum_subscriptions_provider";
  DROP TYPE "public"."enum_subscriptions_dunning_stage";
  DROP TYPE "public"."enum_invoices_status";
  DROP TYPE "public"."enum_billing_groups_type";`)
}
