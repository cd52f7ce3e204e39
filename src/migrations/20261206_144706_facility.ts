import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_facility_resources_opening_hours_weekday" AS ENUM('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat');
  CREATE TYPE "public"."enum_facility_resources_pricing_peak_hours_days" AS ENUM('sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat');
  CREATE TYPE "public"."enum_facility_resources_type" AS ENUM('simulator_bay', 'court', 'room', 'green', 'equipment');
  CREATE TYPE "public"."enum_facility_resources_pricing_mode" AS ENUM('per_bay_hour', 'per_player_split');
  CREATE TYPE "public"."enum_reservations_status" AS ENUM('requested', 'confirmed', 'declined', 'cancelled', 'completed', 'no_show');
  CREATE TYPE "public"."enum_reservations_source" AS ENUM('member', 'staff');
  CREATE TYPE "public"."enum_reservations_cancel_reason" AS ENUM('member', 'staff', 'closure');
  CREATE TYPE "public"."enum_reservation_participants_participant_type" AS ENUM('owner', 'member', 'guest');
  CREATE TYPE "public"."enum_fee_snapshots_status" AS ENUM('pending', 'paid', 'waived', 'void', 'refunded');
  CREATE TYPE "public"."enum_availability_blocks_block_type" AS ENUM('closure', 'event', 'class', 'maintenance', 'hold');
  CREATE TABLE "facility_resources_opening_hours" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"weekday" "enum_facility_resources_opening_hours_weekday" NOT NULL,
  	"opens_at" varchar NOT NULL,
  	"closes_at" varchar NOT NULL
  );
  
  CREATE TABLE "facility_resources_pricing_rates" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"tier_id" uuid,
  	"peak" numeric NOT NULL,
  	"off_peak" numeric NOT NULL
  );
  
  CREATE TABLE "facility_resources_pricing_peak_hours_days" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_facility_resources_pricing_peak_hours_days",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "facility_resources_pricing_peak_hours" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"starts_at" varchar NOT NULL,
  	"ends_at" varchar NOT NULL
  );
  
  CREATE TABLE "facility_resources" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"type" "enum_facility_resources_type" DEFAULT 'simulator_bay',
  	"location_id" uuid,
  	"description" varchar,
  	"capacity" numeric DEFAULT 4,
  	"is_active" boolean DEFAULT true,
  	"sort_order" numeric DEFAULT 0,
  	"booking_rules_slot_minutes" numeric DEFAULT 30,
  	"booking_rules_min_minutes" numeric DEFAULT 30,
  	"booking_rules_max_minutes" numeric DEFAULT 180,
  	"booking_rules_buffer_before_minutes" numeric DEFAULT 0,
  	"booking_rules_buffer_after_minutes" numeric DEFAULT 0,
  	"booking_rules_booking_window_days" numeric DEFAULT 7,
  	"booking_rules_max_active_per_member" numeric,
  	"booking_rules_requires_approval" boolean DEFAULT false,
  	"pricing_mode" "enum_facility_resources_pricing_mode" DEFAULT 'per_bay_hour',
  	"pricing_currency" varchar DEFAULT 'USD',
  	"pricing_guest_fee" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "facility_tiers" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"booking_window_days" numeric,
  	"sort_order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "closures" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"reason" varchar NOT NULL,
  	"location_id" uuid,
  	"is_full_day" boolean DEFAULT false,
  	"date" varchar,
  	"start_at" timestamp(3) with time zone,
  	"end_at" timestamp(3) with time zone,
  	"affects_all_resources" boolean DEFAULT true,
  	"notes" varchar,
  	"cancelled_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "closures_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"facility_resources_id" uuid
  );
  
  CREATE TABLE "reservations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"resource_id" uuid NOT NULL,
  	"member_id" uuid NOT NULL,
  	"start_at" timestamp(3) with time zone NOT NULL,
  	"end_at" timestamp(3) with time zone NOT NULL,
  	"blocked_from" timestamp(3) with time zone,
  	"blocked_until" timestamp(3) with time zone,
  	"duration_minutes" numeric,
  	"status" "enum_reservations_status" DEFAULT 'confirmed' NOT NULL,
  	"source" "enum_reservations_source" DEFAULT 'staff',
  	"access_code" varchar,
  	"access_valid_from" timestamp(3) with time zone,
  	"access_valid_until" timestamp(3) with time zone,
  	"closure_id" uuid,
  	"cancelled_at" timestamp(3) with time zone,
  	"cancel_reason" "enum_reservations_cancel_reason",
  	"checked_in_at" timestamp(3) with time zone,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reservation_participants" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"reservation_id" uuid NOT NULL,
  	"slot_number" numeric NOT NULL,
  	"participant_type" "enum_reservation_participants_participant_type" DEFAULT 'member' NOT NULL,
  	"member_id" uuid,
  	"guest_id" uuid,
  	"display_name" varchar,
  	"tier_key" varchar,
  	"uses_guest_pass" boolean DEFAULT false,
  	"fee_amount" numeric,
  	"fee_currency" varchar,
  	"checked_in_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "fee_snapshots" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"reservation_id" uuid NOT NULL,
  	"member_id" uuid NOT NULL,
  	"status" "enum_fee_snapshots_status" DEFAULT 'pending' NOT NULL,
  	"total_amount" numeric NOT NULL,
  	"total_currency" varchar NOT NULL,
  	"lines" jsonb,
  	"policy" jsonb,
  	"computed_at" timestamp(3) with time zone,
  	"paid_at" timestamp(3) with time zone,
  	"payment_ref" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "guests" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"email" varchar,
  	"phone" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "availability_blocks" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"resource_id" uuid NOT NULL,
  	"start_at" timestamp(3) with time zone NOT NULL,
  	"end_at" timestamp(3) with time zone NOT NULL,
  	"block_type" "enum_availability_blocks_block_type" DEFAULT 'maintenance' NOT NULL,
  	"closure_id" uuid,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "guest_check_ins" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"guest_id" uuid NOT NULL,
  	"host_id" uuid NOT NULL,
  	"reservation_id" uuid,
  	"check_in_at" timestamp(3) with time zone NOT NULL,
  	"local_date" varchar NOT NULL,
  	"checked_in_by_id" uuid,
  	"pass_spent" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenant_memberships" ADD COLUMN "facility_tier_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "facility_resources_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "facility_tiers_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "closures_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reservations_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reservation_participants_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "fee_snapshots_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "guests_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "availability_blocks_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "guest_check_ins_id" uuid;
  ALTER TABLE "facility_resources_opening_hours" ADD CONSTRAINT "facility_resources_opening_hours_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."facility_resources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "facility_resources_pricing_rates" ADD CONSTRAINT "facility_resources_pricing_rates_tier_id_facility_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."facility_tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_resources_pricing_rates" ADD CONSTRAINT "facility_resources_pricing_rates_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."facility_resources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "facility_resources_pricing_peak_hours_days" ADD CONSTRAINT "facility_resources_pricing_peak_hours_days_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."facility_resources_pricing_peak_hours"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "facility_resources_pricing_peak_hours" ADD CONSTRAINT "facility_resources_pricing_peak_hours_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."facility_resources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "facility_resources" ADD CONSTRAINT "facility_resources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_resources" ADD CONSTRAINT "facility_resources_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "facility_tiers" ADD CONSTRAINT "facility_tiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "closures" ADD CONSTRAINT "closures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "closures" ADD CONSTRAINT "closures_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "closures_rels" ADD CONSTRAINT "closures_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."closures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "closures_rels" ADD CONSTRAINT "closures_rels_facility_resources_fk" FOREIGN KEY ("facility_resources_id") REFERENCES "public"."facility_resources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_resource_id_facility_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."facility_resources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_closure_id_closures_id_fk" FOREIGN KEY ("closure_id") REFERENCES "public"."closures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservation_participants" ADD CONSTRAINT "reservation_participants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservation_participants" ADD CONSTRAINT "reservation_participants_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservation_participants" ADD CONSTRAINT "reservation_participants_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reservation_participants" ADD CONSTRAINT "reservation_participants_guest_id_guests_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."guests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fee_snapshots" ADD CONSTRAINT "fee_snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fee_snapshots" ADD CONSTRAINT "fee_snapshots_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fee_snapshots" ADD CONSTRAINT "fee_snapshots_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guests" ADD CONSTRAINT "guests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "availability_blocks" ADD CONSTRAINT "availability_blocks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "availability_blocks" ADD CONSTRAINT "availability_blocks_resource_id_facility_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."facility_resources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "availability_blocks" ADD CONSTRAINT "availability_blocks_closure_id_closures_id_fk" FOREIGN KEY ("closure_id") REFERENCES "public"."closures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guest_check_ins" ADD CONSTRAINT "guest_check_ins_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guest_check_ins" ADD CONSTRAINT "guest_check_ins_guest_id_guests_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."guests"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guest_check_ins" ADD CONSTRAINT "guest_check_ins_host_id_tenant_memberships_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guest_check_ins" ADD CONSTRAINT "guest_check_ins_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "guest_check_ins" ADD CONSTRAINT "guest_check_ins_checked_in_by_id_users_id_fk" FOREIGN KEY ("checked_in_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "facility_resources_opening_hours_order_idx" ON "facility_resources_opening_hours" USING btree ("_order");
  CREATE INDEX "facility_resources_opening_hours_parent_id_idx" ON "facility_resources_opening_hours" USING btree ("_parent_id");
  CREATE INDEX "facility_resources_pricing_rates_order_idx" ON "facility_resources_pricing_rates" USING btree ("_order");
  CREATE INDEX "facility_resources_pricing_rates_parent_id_idx" ON "facility_resources_pricing_rates" USING btree ("_parent_id");
  CREATE INDEX "facility_resources_pricing_rates_tier_idx" ON "facility_resources_pricing_rates" USING btree ("tier_id");
  CREATE INDEX "facility_resources_pricing_peak_hours_days_order_idx" ON "facility_resources_pricing_peak_hours_days" USING btree ("order");
  CREATE INDEX "facility_resources_pricing_peak_hours_days_parent_idx" ON "facility_resources_pricing_peak_hours_days" USING btree ("parent_id");
  CREATE INDEX "facility_resources_pricing_peak_hours_order_idx" ON "facility_resources_pricing_peak_hours" USING btree ("_order");
  CREATE INDEX "facility_resources_pricing_peak_hours_parent_id_idx" ON "facility_resources_pricing_peak_hours" USING btree ("_parent_id");
  CREATE INDEX "facility_resources_tenant_idx" ON "facility_resources" USING btree ("tenant_id");
  CREATE INDEX "facility_resources_location_idx" ON "facility_resources" USING btree ("location_id");
  CREATE INDEX "facility_resources_updated_at_idx" ON "facility_resources" USING btree ("updated_at");
  CREATE INDEX "facility_resources_created_at_idx" ON "facility_resources" USING btree ("created_at");
  CREATE INDEX "facility_resources_deleted_at_idx" ON "facility_resources" USING btree ("deleted_at");
  CREATE UNIQUE INDEX "tenant_name_1_idx" ON "facility_resources" USING btree ("tenant_id","name");
  CREATE INDEX "tenant_sortOrder_idx" ON "facility_resources" USING btree ("tenant_id","sort_order");
  CREATE INDEX "facility_tiers_tenant_idx" ON "facility_tiers" USING btree ("tenant_id");
  CREATE INDEX "facility_tiers_updated_at_idx" ON "facility_tiers" USING btree ("updated_at");
  CREATE INDEX "facility_tiers_created_at_idx" ON "facility_tiers" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_key_idx" ON "facility_tiers" USING btree ("tenant_id","key");
  CREATE INDEX "closures_tenant_idx" ON "closures" USING btree ("tenant_id");
  CREATE INDEX "closures_location_idx" ON "closures" USING btree ("location_id");
  CREATE INDEX "closures_updated_at_idx" ON "closures" USING btree ("updated_at");
  CREATE INDEX "closures_created_at_idx" ON "closures" USING btree ("created_at");
  CREATE INDEX "tenant_startAt_idx" ON "closures" USING btree ("tenant_id","start_at");
  CREATE INDEX "closures_rels_order_idx" ON "closures_rels" USING btree ("order");
  CREATE INDEX "closures_rels_parent_idx" ON "closures_rels" USING btree ("parent_id");
  CREATE INDEX "closures_rels_path_idx" ON "closures_rels" USING btree ("path");
  CREATE INDEX "closures_rels_facility_resources_id_idx" ON "closures_rels" USING btree ("facility_resources_id");
  CREATE INDEX "reservations_tenant_idx" ON "reservations" USING btree ("tenant_id");
  CREATE INDEX "reservations_resource_idx" ON "reservations" USING btree ("resource_id");
  CREATE INDEX "reservations_member_idx" ON "reservations" USING btree ("member_id");
  CREATE INDEX "reservations_closure_idx" ON "reservations" USING btree ("closure_id");
  CREATE INDEX "reservations_updated_at_idx" ON "reservations" USING btree ("updated_at");
  CREATE INDEX "reservations_created_at_idx" ON "reservations" USING btree ("created_at");
  CREATE INDEX "tenant_startAt_1_idx" ON "reservations" USING btree ("tenant_id","start_at");
  CREATE INDEX "tenant_member_startAt_idx" ON "reservations" USING btree ("tenant_id","member_id","start_at");
  CREATE INDEX "tenant_resource_startAt_idx" ON "reservations" USING btree ("tenant_id","resource_id","start_at");
  CREATE INDEX "tenant_accessCode_idx" ON "reservations" USING btree ("tenant_id","access_code");
  CREATE INDEX "reservation_participants_tenant_idx" ON "reservation_participants" USING btree ("tenant_id");
  CREATE INDEX "reservation_participants_reservation_idx" ON "reservation_participants" USING btree ("reservation_id");
  CREATE INDEX "reservation_participants_member_idx" ON "reservation_participants" USING btree ("member_id");
  CREATE INDEX "reservation_participants_guest_idx" ON "reservation_participants" USING btree ("guest_id");
  CREATE INDEX "reservation_participants_updated_at_idx" ON "reservation_participants" USING btree ("updated_at");
  CREATE INDEX "reservation_participants_created_at_idx" ON "reservation_participants" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_reservation_slotNumber_idx" ON "reservation_participants" USING btree ("tenant_id","reservation_id","slot_number");
  CREATE INDEX "tenant_member_3_idx" ON "reservation_participants" USING btree ("tenant_id","member_id");
  CREATE INDEX "fee_snapshots_tenant_idx" ON "fee_snapshots" USING btree ("tenant_id");
  CREATE INDEX "fee_snapshots_reservation_idx" ON "fee_snapshots" USING btree ("reservation_id");
  CREATE INDEX "fee_snapshots_member_idx" ON "fee_snapshots" USING btree ("member_id");
  CREATE INDEX "fee_snapshots_updated_at_idx" ON "fee_snapshots" USING btree ("updated_at");
  CREATE INDEX "fee_snapshots_created_at_idx" ON "fee_snapshots" USING btree ("created_at");
  CREATE INDEX "tenant_reservation_idx" ON "fee_snapshots" USING btree ("tenant_id","reservation_id");
  CREATE INDEX "tenant_member_4_idx" ON "fee_snapshots" USING btree ("tenant_id","member_id");
  CREATE INDEX "guests_tenant_idx" ON "guests" USING btree ("tenant_id");
  CREATE INDEX "guests_updated_at_idx" ON "guests" USING btree ("updated_at");
  CREATE INDEX "guests_created_at_idx" ON "guests" USING btree ("created_at");
  CREATE INDEX "tenant_name_2_idx" ON "guests" USING btree ("tenant_id","name");
  CREATE INDEX "availability_blocks_tenant_idx" ON "availability_blocks" USING btree ("tenant_id");
  CREATE INDEX "availability_blocks_resource_idx" ON "availability_blocks" USING btree ("resource_id");
  CREATE INDEX "availability_blocks_closure_idx" ON "availability_blocks" USING btree ("closure_id");
  CREATE INDEX "availability_blocks_updated_at_idx" ON "availability_blocks" USING btree ("updated_at");
  CREATE INDEX "availability_blocks_created_at_idx" ON "availability_blocks" USING btree ("created_at");
  CREATE INDEX "tenant_resource_startAt_1_idx" ON "availability_blocks" USING btree ("tenant_id","resource_id","start_at");
  CREATE INDEX "tenant_closure_idx" ON "availability_blocks" USING btree ("tenant_id","closure_id");
  CREATE INDEX "guest_check_ins_tenant_idx" ON "guest_check_ins" USING btree ("tenant_id");
  CREATE INDEX "guest_check_ins_guest_idx" ON "guest_check_ins" USING btree ("guest_id");
  CREATE INDEX "guest_check_ins_host_idx" ON "guest_check_ins" USING btree ("host_id");
  CREATE INDEX "guest_check_ins_reservation_idx" ON "guest_check_ins" USING btree ("reservation_id");
  CREATE INDEX "guest_check_ins_checked_in_by_idx" ON "guest_check_ins" USING btree ("checked_in_by_id");
  CREATE INDEX "guest_check_ins_updated_at_idx" ON "guest_check_ins" USING btree ("updated_at");
  CREATE INDEX "guest_check_ins_created_at_idx" ON "guest_check_ins" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_guest_localDate_idx" ON "guest_check_ins" USING btree ("tenant_id","guest_id","local_date");
  CREATE INDEX "tenant_checkInAt_idx" ON "guest_check_ins" USING btree ("tenant_id","check_in_at");
  ALTER TABLE "tenant_memberships" ADD CONSTRAINT "tenant_memberships_facility_tier_id_facility_tiers_id_fk" FOREIGN KEY ("facility_tier_id") REFERENCES "public"."facility_tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_facility_resources_fk" FOREIGN KEY ("facility_resources_id") REFERENCES "public"."facility_resources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_facility_tiers_fk" FOREIGN KEY ("facility_tiers_id") REFERENCES "public"."facility_tiers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_closures_fk" FOREIGN KEY ("closures_id") REFERENCES "public"."closures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reservations_fk" FOREIGN KEY ("reservations_id") REFERENCES "public"."reservations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reservation_participants_fk" FOREIGN KEY ("reservation_participants_id") REFERENCES "public"."reservation_participants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_fee_snapshots_fk" FOREIGN KEY ("fee_snapshots_id") REFERENCES "public"."fee_snapshots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_guests_fk" FOREIGN KEY ("guests_id") REFERENCES "public"."guests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_availability_blocks_fk" FOREIGN KEY ("availability_blocks_id") REFERENCES "public"."availability_blocks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_guest_check_ins_fk" FOREIGN KEY ("guest_check_ins_id") REFERENCES "public"."guest_check_ins"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "tenant_memberships_facility_tier_idx" ON "tenant_memberships" USING btree ("facility_tier_id");
  CREATE INDEX "payload_locked_documents_rels_facility_resources_id_idx" ON "payload_locked_documents_rels" USING btree ("facility_resources_id");
  CREATE INDEX "payload_locked_documents_rels_facility_tiers_id_idx" ON "payload_locked_documents_rels" USING btree ("facility_tiers_id");
  CREATE INDEX "payload_locked_documents_rels_closures_id_idx" ON "payload_locked_documents_rels" USING btree ("closures_id");
  CREATE INDEX "payload_locked_documents_rels_reservations_id_idx" ON "payload_locked_documents_rels" USING btree ("reservations_id");
  CREATE INDEX "payload_locked_documents_rels_reservation_participants_i_idx" ON "payload_locked_documents_rels" USING btree ("reservation_participants_id");
  CREATE INDEX "payload_locked_documents_rels_fee_snapshots_id_idx" ON "payload_locked_documents_rels" USING btree ("fee_snapshots_id");
  CREATE INDEX "payload_locked_documents_rels_guests_id_idx" ON "payload_locked_documents_rels" USING btree ("guests_id");
  CREATE INDEX "payload_locked_documents_rels_availability_blocks_id_idx" ON "payload_locked_documents_rels" USING btree ("availability_blocks_id");
  CREATE INDEX "payload_locked_documents_rels_guest_check_ins_id_idx" ON "payload_locked_documents_rels" USING btree ("guest_check_ins_id");`)
  // facility invariants the field config cannot express (DOMAIN-MAP facility). Exactly one of two
  // concurrent bookings of overlapping ranges wins: a resource's active (requested or confirmed)
  // reservations never overlap on their blocked range (buffers included), a half-open tstzrange so
  // back-to-back slots touch without overlapping.
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS btree_gist;
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_end_after_start" CHECK ("end_at" > "start_at");
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_blocked_covers_range"
    CHECK ("status" NOT IN ('requested', 'confirmed') OR ("blocked_from" IS NOT NULL AND "blocked_until" IS NOT NULL AND "blocked_from" <= "start_at" AND "blocked_until" >= "end_at"));
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_no_overlap"
    EXCLUDE USING gist ("resource_id" WITH =, tstzrange("blocked_from", "blocked_until") WITH &&) WHERE ("status" IN ('requested', 'confirmed'));
  CREATE UNIQUE INDEX "reservations_access_code_active" ON "reservations" ("tenant_id", "access_code")
    WHERE "access_code" IS NOT NULL AND "status" IN ('requested', 'confirmed');
  ALTER TABLE "reservations" ADD CONSTRAINT "reservations_cancelled_has_no_code" CHECK ("status" <> 'cancelled' OR "access_code" IS NULL);
  ALTER TABLE "closures" ADD CONSTRAINT "closures_end_after_start" CHECK ("end_at" > "start_at");
  ALTER TABLE "reservation_participants" ADD CONSTRAINT "reservation_participants_slot_positive" CHECK ("slot_number" >= 1);
  ALTER TABLE "reservation_participants" ADD CONSTRAINT "reservation_participants_one_kind"
    CHECK (("participant_type" = 'guest') = ("guest_id" IS NOT NULL) AND ("participant_type" = 'guest' OR "member_id" IS NOT NULL));
  CREATE UNIQUE INDEX "fee_snapshots_one_current" ON "fee_snapshots" ("reservation_id") WHERE "status" <> 'void';
  ALTER TABLE "fee_snapshots" ADD CONSTRAINT "fee_snapshots_total_nonnegative" CHECK ("total_amount" >= 0);
  CREATE UNIQUE INDEX "guests_tenant_email_lower" ON "guests" ("tenant_id", lower("email")) WHERE "email" IS NOT NULL;
  ALTER TABLE "availability_blocks" ADD CONSTRAINT "availability_blocks_end_after_start" CHECK ("end_at" > "start_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "facility_resources_opening_hours" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facility_resources_pricing_rates" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facility_resources_pricing_peak_hours_days" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facility_resources_pricing_peak_hours" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facility_resources" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "facility_tiers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "closures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "closures_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reservations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reservation_participants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fee_snapshots" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "guests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "availability_blocks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "guest_check_ins" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "facility_resources_opening_hours" CASCADE;
  DROP TABLE "facility_resources_pricing_rates" CASCADE;
  DROP TABLE "facility_resources_pricing_peak_hours_days" CASCADE;
  DROP TABLE "facility_resources_pricing_peak_hours" CASCADE;
  DROP TABLE "facility_resources" CASCADE;
  DROP TABLE "facility_tiers" CASCADE;
  DROP TABLE "closures" CASCADE;
  DROP TABLE "closures_rels" CASCADE;
  DROP TABLE "reservations" CASCADE;
  DROP TABLE "reservation_participants" CASCADE;
  DROP TABLE "fee_snapshots" CASCADE;
  DROP TABLE "guests" CASCADE;
  DROP TABLE "availability_blocks" CASCADE;
  DROP TABLE "guest_check_ins" CASCADE;
  ALTER TABLE "tenant_memberships" DROP CONSTRAINT IF EXISTS "tenant_memberships_facility_tier_id_facility_tiers_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_facility_resources_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_facility_tiers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_closures_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_reservations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_reservation_participants_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_fee_snapshots_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_guests_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_availability_blocks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_guest_check_ins_fk";
  
  DROP INDEX "tenant_memberships_facility_tier_idx";
  DROP INDEX "payload_locked_documents_rels_facility_resources_id_idx";
  DROP INDEX "payload_locked_documents_rels_facility_tiers_id_idx";
  DROP INDEX "payload_locked_documents_rels_closures_id_idx";
  DROP INDEX "payload_locked_documents_rels_reservations_id_idx";
  DROP INDEX "payload_locked_documents_rels_reservation_participants_i_idx";
  DROP INDEX "payload_locked_documents_rels_fee_snapshots_id_idx";
  DROP INDEX "payload_locked_documents_rels_guests_id_idx";
  DROP INDEX "payload_locked_documents_rels_availability_blocks_id_idx";
  DROP INDEX "payload_locked_documents_rels_guest_check_ins_id_idx";
  ALTER TABLE "tenant_memberships" DROP COLUMN "facility_tier_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "facility_resources_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "facility_tiers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "closures_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reservations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reservation_participants_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "fee_snapshots_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "guests_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "availability_blocks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "guest_check_ins_id";
  DROP TYPE "public"."enum_facility_resources_opening_hours_weekday";
  DROP TYPE "public"."enum_facility_resources_pricing_peak_hours_days";
  DROP TYPE "public"."enum_facility_resources_type";
  DROP TYPE "public"."enum_facility_resources_pricing_mode";
  DROP TYPE "public"."enum_reservations_status";
  DROP TYPE "public"."enum_reservations_source";
  DROP TYPE "public"."enum_reservations_cancel_reason";
  DROP TYPE "public"."enum_reservation_participants_participant_type";
  DROP TYPE "public"."enum_fee_snapshots_status";
  DROP TYPE "public"."enum_availability_blocks_block_type";`)
}
