import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_payments_purpose" AS ENUM('subscription', 'order', 'content_purchase', 'event', 'appointment', 'facility_fees', 'day_pass', 'gift_card', 'other');
  CREATE TYPE "public"."enum_payments_provider" AS ENUM('cash', 'terminal', 'manual', 'gift_card', 'stripe', 'legacy');
  CREATE TYPE "public"."enum_payments_status" AS ENUM('requires_payment', 'processing', 'succeeded', 'failed', 'canceled', 'refunded', 'partially_refunded');
  CREATE TYPE "public"."enum_products_kind" AS ENUM('retail', 'cafe', 'credit_pack', 'day_pass', 'gift_card', 'service', 'digital', 'fee');
  CREATE TYPE "public"."enum_products_pack_credit_type" AS ENUM('class', 'appointment', 'guest_pass', 'any');
  CREATE TYPE "public"."enum_orders_lines_kind" AS ENUM('product', 'content', 'course', 'credit_pack', 'day_pass', 'gift_card', 'event', 'appointment', 'fee');
  CREATE TYPE "public"."enum_orders_channel" AS ENUM('pos', 'online', 'import');
  CREATE TYPE "public"."enum_orders_status" AS ENUM('pending', 'paid', 'partially_refunded', 'refunded', 'canceled', 'failed');
  CREATE TYPE "public"."enum_gift_cards_status" AS ENUM('active', 'depleted', 'void', 'expired');
  CREATE TYPE "public"."enum_gift_card_transactions_type" AS ENUM('issue', 'redeem', 'refund', 'adjust', 'void');
  CREATE TYPE "public"."enum_coupons_applies_to_kinds" AS ENUM('retail', 'cafe', 'credit_pack', 'day_pass', 'gift_card', 'service', 'digital', 'fee');
  CREATE TYPE "public"."enum_coupons_mode" AS ENUM('code');
  CREATE TYPE "public"."enum_coupons_type" AS ENUM('percent', 'fixed');
  CREATE TYPE "public"."enum_credit_lots_credit_type" AS ENUM('class', 'appointment', 'guest_pass', 'any');
  CREATE TYPE "public"."enum_credit_lots_source" AS ENUM('pack_purchase', 'subscription_grant', 'guest_pass_reset', 'adjustment', 'refund', 'import');
  CREATE TYPE "public"."enum_credit_ledger_credit_type" AS ENUM('class', 'appointment', 'guest_pass', 'any');
  CREATE TYPE "public"."enum_credit_ledger_type" AS ENUM('earned_subscription', 'earned_purchase', 'spent_booking', 'refund', 'expired', 'adjustment');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireCreditLots';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireCreditLots';
  CREATE TABLE "payments_refunds" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"amount" numeric NOT NULL,
  	"reason" varchar,
  	"provider_refund_id" varchar,
  	"at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "payments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid,
  	"payer_email" varchar,
  	"purpose" "enum_payments_purpose" DEFAULT 'other' NOT NULL,
  	"ref_collection" varchar,
  	"ref_id" varchar,
  	"invoice" varchar,
  	"provider" "enum_payments_provider" NOT NULL,
  	"method" varchar,
  	"amount_amount" numeric NOT NULL,
  	"amount_currency" varchar NOT NULL,
  	"amount_refunded" numeric DEFAULT 0 NOT NULL,
  	"status" "enum_payments_status" DEFAULT 'succeeded' NOT NULL,
  	"provider_ref" varchar,
  	"failure_reason" varchar,
  	"platform_fee" numeric,
  	"creator_payout" numeric,
  	"recorded_by_id" uuid,
  	"provider_snapshot" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "products" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"kind" "enum_products_kind" DEFAULT 'retail' NOT NULL,
  	"category" varchar,
  	"description" varchar,
  	"image_id" uuid,
  	"price_amount" numeric NOT NULL,
  	"price_currency" varchar NOT NULL,
  	"stock_quantity" numeric,
  	"is_active" boolean DEFAULT true,
  	"stripe_product_id" varchar,
  	"stripe_price_id" varchar,
  	"pack_credits" numeric,
  	"pack_credit_type" "enum_products_pack_credit_type" DEFAULT 'class',
  	"pack_validity_days" numeric,
  	"duration_weeks" numeric,
  	"metadata" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "orders_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_orders_lines_kind" NOT NULL,
  	"product_id" uuid,
  	"name" varchar,
  	"ref" varchar,
  	"quantity" numeric NOT NULL,
  	"unit_price" numeric DEFAULT 0 NOT NULL,
  	"discount" numeric DEFAULT 0 NOT NULL,
  	"total" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE TABLE "orders" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"number" varchar NOT NULL,
  	"member_id" uuid,
  	"buyer_email" varchar,
  	"buyer_name" varchar,
  	"staff_id" uuid,
  	"channel" "enum_orders_channel" DEFAULT 'pos' NOT NULL,
  	"status" "enum_orders_status" DEFAULT 'pending' NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"subtotal" numeric DEFAULT 0 NOT NULL,
  	"discount_total" numeric DEFAULT 0 NOT NULL,
  	"gift_card_applied" numeric DEFAULT 0 NOT NULL,
  	"tax" numeric DEFAULT 0 NOT NULL,
  	"total" numeric DEFAULT 0 NOT NULL,
  	"amount_refunded" numeric DEFAULT 0 NOT NULL,
  	"coupon_id" uuid,
  	"gift_card_id" uuid,
  	"payment_id" uuid,
  	"stripe_payment_intent_id" varchar,
  	"purchased_at" timestamp(3) with time zone,
  	"refunded_at" timestamp(3) with time zone,
  	"refund_reason" varchar,
  	"restocked_at" timestamp(3) with time zone,
  	"legacy_ref" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "gift_cards" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"code" varchar NOT NULL,
  	"initial_balance" numeric DEFAULT 0 NOT NULL,
  	"current_balance" numeric DEFAULT 0 NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"buyer_id" uuid,
  	"recipient_id" uuid,
  	"recipient_email" varchar,
  	"status" "enum_gift_cards_status" DEFAULT 'active' NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"order_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "gift_card_transactions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"gift_card_id" uuid NOT NULL,
  	"amount" numeric NOT NULL,
  	"type" "enum_gift_card_transactions_type" NOT NULL,
  	"balance_after" numeric NOT NULL,
  	"order_id" uuid,
  	"created_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "coupons_applies_to_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_coupons_applies_to_kinds",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "coupons" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"code" varchar NOT NULL,
  	"name" varchar,
  	"mode" "enum_coupons_mode" DEFAULT 'code' NOT NULL,
  	"type" "enum_coupons_type" DEFAULT 'percent' NOT NULL,
  	"value" numeric NOT NULL,
  	"currency" varchar,
  	"active" boolean DEFAULT true,
  	"max_uses" numeric,
  	"uses_count" numeric DEFAULT 0,
  	"per_member_limit" numeric,
  	"starts_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "coupons_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"products_id" uuid
  );
  
  CREATE TABLE "coupon_redemptions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"coupon_id" uuid NOT NULL,
  	"member_id" uuid,
  	"order_id" uuid,
  	"amount_discounted" numeric NOT NULL,
  	"redeemed_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "credit_lots" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"credit_type" "enum_credit_lots_credit_type" DEFAULT 'class' NOT NULL,
  	"source" "enum_credit_lots_source" DEFAULT 'pack_purchase' NOT NULL,
  	"product_id" uuid,
  	"order_id" uuid,
  	"subscription" varchar,
  	"initial_credits" numeric NOT NULL,
  	"remaining_credits" numeric NOT NULL,
  	"price_paid_amount" numeric,
  	"price_paid_currency" varchar,
  	"expires_at" timestamp(3) with time zone,
  	"expired_at" timestamp(3) with time zone,
  	"period_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "credit_ledger" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"lot_id" uuid NOT NULL,
  	"credit_type" "enum_credit_ledger_credit_type" DEFAULT 'class' NOT NULL,
  	"type" "enum_credit_ledger_type" NOT NULL,
  	"amount" numeric NOT NULL,
  	"balance_after" numeric NOT NULL,
  	"ref_collection" varchar,
  	"ref_id" varchar,
  	"description" varchar,
  	"created_by_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "payments_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "products_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "orders_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "gift_cards_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "gift_card_transactions_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "coupons_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "coupon_redemptions_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "credit_lots_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "credit_ledger_id" uuid;
  ALTER TABLE "payments_refunds" ADD CONSTRAINT "payments_refunds_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "products" ADD CONSTRAINT "products_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_lines" ADD CONSTRAINT "orders_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_lines" ADD CONSTRAINT "orders_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_gift_card_id_gift_cards_id_fk" FOREIGN KEY ("gift_card_id") REFERENCES "public"."gift_cards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_buyer_id_tenant_memberships_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_recipient_id_tenant_memberships_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_card_transactions" ADD CONSTRAINT "gift_card_transactions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_card_transactions" ADD CONSTRAINT "gift_card_transactions_gift_card_id_gift_cards_id_fk" FOREIGN KEY ("gift_card_id") REFERENCES "public"."gift_cards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_card_transactions" ADD CONSTRAINT "gift_card_transactions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "gift_card_transactions" ADD CONSTRAINT "gift_card_transactions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupons_applies_to_kinds" ADD CONSTRAINT "coupons_applies_to_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."coupons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "coupons" ADD CONSTRAINT "coupons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupons_rels" ADD CONSTRAINT "coupons_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."coupons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "coupons_rels" ADD CONSTRAINT "coupons_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_lot_id_credit_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."credit_lots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payments_refunds_order_idx" ON "payments_refunds" USING btree ("_order");
  CREATE INDEX "payments_refunds_parent_id_idx" ON "payments_refunds" USING btree ("_parent_id");
  CREATE INDEX "payments_tenant_idx" ON "payments" USING btree ("tenant_id");
  CREATE INDEX "payments_member_idx" ON "payments" USING btree ("member_id");
  CREATE INDEX "payments_recorded_by_idx" ON "payments" USING btree ("recorded_by_id");
  CREATE INDEX "payments_updated_at_idx" ON "payments" USING btree ("updated_at");
  CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");
  CREATE INDEX "tenant_createdAt_1_idx" ON "payments" USING btree ("tenant_id","created_at");
  CREATE INDEX "tenant_member_idx" ON "payments" USING btree ("tenant_id","member_id");
  CREATE INDEX "products_tenant_idx" ON "products" USING btree ("tenant_id");
  CREATE INDEX "products_image_idx" ON "products" USING btree ("image_id");
  CREATE INDEX "products_updated_at_idx" ON "products" USING btree ("updated_at");
  CREATE INDEX "products_created_at_idx" ON "products" USING btree ("created_at");
  CREATE INDEX "products_deleted_at_idx" ON "products" USING btree ("deleted_at");
  CREATE UNIQUE INDEX "tenant_slug_1_idx" ON "products" USING btree ("tenant_id","slug");
  CREATE INDEX "tenant_kind_isActive_idx" ON "products" USING btree ("tenant_id","kind","is_active");
  CREATE INDEX "orders_lines_order_idx" ON "orders_lines" USING btree ("_order");
  CREATE INDEX "orders_lines_parent_id_idx" ON "orders_lines" USING btree ("_parent_id");
  CREATE INDEX "orders_lines_product_idx" ON "orders_lines" USING btree ("product_id");
  CREATE INDEX "orders_tenant_idx" ON "orders" USING btree ("tenant_id");
  CREATE INDEX "orders_member_idx" ON "orders" USING btree ("member_id");
  CREATE INDEX "orders_staff_idx" ON "orders" USING btree ("staff_id");
  CREATE INDEX "orders_coupon_idx" ON "orders" USING btree ("coupon_id");
  CREATE INDEX "orders_gift_card_idx" ON "orders" USING btree ("gift_card_id");
  CREATE INDEX "orders_payment_idx" ON "orders" USING btree ("payment_id");
  CREATE INDEX "orders_updated_at_idx" ON "orders" USING btree ("updated_at");
  CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_idx" ON "orders" USING btree ("tenant_id","number");
  CREATE INDEX "tenant_purchasedAt_idx" ON "orders" USING btree ("tenant_id","purchased_at");
  CREATE INDEX "tenant_member_1_idx" ON "orders" USING btree ("tenant_id","member_id");
  CREATE INDEX "gift_cards_tenant_idx" ON "gift_cards" USING btree ("tenant_id");
  CREATE INDEX "gift_cards_buyer_idx" ON "gift_cards" USING btree ("buyer_id");
  CREATE INDEX "gift_cards_recipient_idx" ON "gift_cards" USING btree ("recipient_id");
  CREATE INDEX "gift_cards_order_idx" ON "gift_cards" USING btree ("order_id");
  CREATE INDEX "gift_cards_updated_at_idx" ON "gift_cards" USING btree ("updated_at");
  CREATE INDEX "gift_cards_created_at_idx" ON "gift_cards" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_code_idx" ON "gift_cards" USING btree ("tenant_id","code");
  CREATE INDEX "gift_card_transactions_tenant_idx" ON "gift_card_transactions" USING btree ("tenant_id");
  CREATE INDEX "gift_card_transactions_gift_card_idx" ON "gift_card_transactions" USING btree ("gift_card_id");
  CREATE INDEX "gift_card_transactions_order_idx" ON "gift_card_transactions" USING btree ("order_id");
  CREATE INDEX "gift_card_transactions_created_by_idx" ON "gift_card_transactions" USING btree ("created_by_id");
  CREATE INDEX "gift_card_transactions_updated_at_idx" ON "gift_card_transactions" USING btree ("updated_at");
  CREATE INDEX "gift_card_transactions_created_at_idx" ON "gift_card_transactions" USING btree ("created_at");
  CREATE INDEX "tenant_giftCard_idx" ON "gift_card_transactions" USING btree ("tenant_id","gift_card_id");
  CREATE INDEX "coupons_applies_to_kinds_order_idx" ON "coupons_applies_to_kinds" USING btree ("order");
  CREATE INDEX "coupons_applies_to_kinds_parent_idx" ON "coupons_applies_to_kinds" USING btree ("parent_id");
  CREATE INDEX "coupons_tenant_idx" ON "coupons" USING btree ("tenant_id");
  CREATE INDEX "coupons_updated_at_idx" ON "coupons" USING btree ("updated_at");
  CREATE INDEX "coupons_created_at_idx" ON "coupons" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_code_1_idx" ON "coupons" USING btree ("tenant_id","code");
  CREATE INDEX "coupons_rels_order_idx" ON "coupons_rels" USING btree ("order");
  CREATE INDEX "coupons_rels_parent_idx" ON "coupons_rels" USING btree ("parent_id");
  CREATE INDEX "coupons_rels_path_idx" ON "coupons_rels" USING btree ("path");
  CREATE INDEX "coupons_rels_products_id_idx" ON "coupons_rels" USING btree ("products_id");
  CREATE INDEX "coupon_redemptions_tenant_idx" ON "coupon_redemptions" USING btree ("tenant_id");
  CREATE INDEX "coupon_redemptions_coupon_idx" ON "coupon_redemptions" USING btree ("coupon_id");
  CREATE INDEX "coupon_redemptions_member_idx" ON "coupon_redemptions" USING btree ("member_id");
  CREATE INDEX "coupon_redemptions_order_idx" ON "coupon_redemptions" USING btree ("order_id");
  CREATE INDEX "coupon_redemptions_updated_at_idx" ON "coupon_redemptions" USING btree ("updated_at");
  CREATE INDEX "coupon_redemptions_created_at_idx" ON "coupon_redemptions" USING btree ("created_at");
  CREATE INDEX "tenant_coupon_member_idx" ON "coupon_redemptions" USING btree ("tenant_id","coupon_id","member_id");
  CREATE INDEX "credit_lots_tenant_idx" ON "credit_lots" USING btree ("tenant_id");
  CREATE INDEX "credit_lots_member_idx" ON "credit_lots" USING btree ("member_id");
  CREATE INDEX "credit_lots_product_idx" ON "credit_lots" USING btree ("product_id");
  CREATE INDEX "credit_lots_order_idx" ON "credit_lots" USING btree ("order_id");
  CREATE INDEX "credit_lots_updated_at_idx" ON "credit_lots" USING btree ("updated_at");
  CREATE INDEX "credit_lots_created_at_idx" ON "credit_lots" USING btree ("created_at");
  CREATE INDEX "tenant_member_creditType_expiresAt_idx" ON "credit_lots" USING btree ("tenant_id","member_id","credit_type","expires_at");
  CREATE INDEX "credit_ledger_tenant_idx" ON "credit_ledger" USING btree ("tenant_id");
  CREATE INDEX "credit_ledger_member_idx" ON "credit_ledger" USING btree ("member_id");
  CREATE INDEX "credit_ledger_lot_idx" ON "credit_ledger" USING btree ("lot_id");
  CREATE INDEX "credit_ledger_created_by_idx" ON "credit_ledger" USING btree ("created_by_id");
  CREATE INDEX "credit_ledger_updated_at_idx" ON "credit_ledger" USING btree ("updated_at");
  CREATE INDEX "credit_ledger_created_at_idx" ON "credit_ledger" USING btree ("created_at");
  CREATE INDEX "tenant_member_createdAt_idx" ON "credit_ledger" USING btree ("tenant_id","member_id","created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payments_fk" FOREIGN KEY ("payments_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_products_fk" FOREIGN KEY ("products_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_orders_fk" FOREIGN KEY ("orders_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_gift_cards_fk" FOREIGN KEY ("gift_cards_id") REFERENCES "public"."gift_cards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_gift_card_transactions_fk" FOREIGN KEY ("gift_card_transactions_id") REFERENCES "public"."gift_card_transactions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_coupons_fk" FOREIGN KEY ("coupons_id") REFERENCES "public"."coupons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_coupon_redemptions_fk" FOREIGN KEY ("coupon_redemptions_id") REFERENCES "public"."coupon_redemptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_credit_lots_fk" FOREIGN KEY ("credit_lots_id") REFERENCES "public"."credit_lots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_credit_ledger_fk" FOREIGN KEY ("credit_ledger_id") REFERENCES "public"."credit_ledger"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_payments_id_idx" ON "payload_locked_documents_rels" USING btree ("payments_id");
  CREATE INDEX "payload_locked_documents_rels_products_id_idx" ON "payload_locked_documents_rels" USING btree ("products_id");
  CREATE INDEX "payload_locked_documents_rels_orders_id_idx" ON "payload_locked_documents_rels" USING btree ("orders_id");
  CREATE INDEX "payload_locked_documents_rels_gift_cards_id_idx" ON "payload_locked_documents_rels" USING btree ("gift_cards_id");
  CREATE INDEX "payload_locked_documents_rels_gift_card_transactions_id_idx" ON "payload_locked_documents_rels" USING btree ("gift_card_transactions_id");
  CREATE INDEX "payload_locked_documents_rels_coupons_id_idx" ON "payload_locked_documents_rels" USING btree ("coupons_id");
  CREATE INDEX "payload_locked_documents_rels_coupon_redemptions_id_idx" ON "payload_locked_documents_rels" USING btree ("coupon_redemptions_id");
  CREATE INDEX "payload_locked_documents_rels_credit_lots_id_idx" ON "payload_locked_documents_rels" USING btree ("credit_lots_id");
  CREATE INDEX "payload_locked_documents_rels_credit_ledger_id_idx" ON "payload_locked_documents_rels" USING btree ("credit_ledger_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payments_refunds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "products" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "orders_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "orders" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "gift_cards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "gift_card_transactions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "coupons_applies_to_kinds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "coupons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "coupons_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "coupon_redemptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "credit_lots" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "credit_ledger" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payments_refunds" CASCADE;
  DROP TABLE "payments" CASCADE;
  DROP TABLE "products" CASCADE;
  DROP TABLE "orders_lines" CASCADE;
  DROP TABLE "orders" CASCADE;
  DROP TABLE "gift_cards" CASCADE;
  DROP TABLE "gift_card_transactions" CASCADE;
  DROP TABLE "coupons_applies_to_kinds" CASCADE;
  DROP TABLE "coupons" CASCADE;
  DROP TABLE "coupons_rels" CASCADE;
  DROP TABLE "coupon_redemptions" CASCADE;
  DROP TABLE "credit_lots" CASCADE;
  DROP TABLE "credit_ledger" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_payments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_products_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_orders_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_gift_cards_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_gift_card_transactions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_coupons_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_coupon_redemptions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_credit_lots_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_credit_ledger_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent', 'purgeRateLimits');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_payments_id_idx";
  DROP INDEX "payload_locked_documents_rels_products_id_idx";
  DROP INDEX "payload_locked_documents_rels_orders_id_idx";
  DROP INDEX "payload_locked_documents_rels_gift_cards_id_idx";
  DROP INDEX "payload_locked_documents_rels_gift_card_transactions_id_idx";
  DROP INDEX "payload_locked_documents_rels_coupons_id_idx";
  DROP INDEX "payload_locked_documents_rels_coupon_redemptions_id_idx";
  DROP INDEX "payload_locked_documents_rels_credit_lots_id_idx";
  DROP INDEX "payload_locked_documents_rels_credit_ledger_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "payments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "products_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "orders_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "gift_cards_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "gift_card_transactions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "coupons_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "coupon_redemptions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "credit_lots_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "credit_ledger_id";
  DROP TYPE "public"."enum_payments_purpose";
  DROP TYPE "public"."enum_payments_provider";
  DROP TYPE "public"."enum_payments_status";
  DROP TYPE "public"."enum_products_kind";
  DROP TYPE "public"."enum_products_pack_credit_type";
  DROP TYPE "public"."enum_orders_lines_kind";
  DROP TYPE "public"."enum_orders_channel";
  DROP TYPE "public"."enum_orders_status";
  DROP TYPE "public"."enum_gift_cards_status";
  DROP TYPE "public"."enum_gift_card_transactions_type";
  DROP TYPE "public"."enum_coupons_applies_to_kinds";
  DROP TYPE "public"."enum_coupons_mode";
  DROP TYPE "public"."enum_coupons_type";
  DROP TYPE "public"."enum_credit_lots_credit_type";
  DROP TYPE "public"."enum_credit_lots_source";
  DROP TYPE "public"."enum_credit_ledger_credit_type";
  DROP TYPE "public"."enum_credit_ledger_type";`)
}
