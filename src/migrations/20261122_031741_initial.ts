import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_tenants_roles" AS ENUM('owner', 'admin', 'manager', 'front_desk', 'instructor', 'coach', 'creator', 'support', 'member');
  CREATE TYPE "public"."enum_users_status" AS ENUM('pending', 'active', 'suspended');
  CREATE TYPE "public"."enum_users_platform_role" AS ENUM('none', 'support', 'super_admin');
  CREATE TYPE "public"."enum_tenants_status" AS ENUM('trial', 'active', 'suspended', 'archived');
  CREATE TYPE "public"."enum_tenant_memberships_roles" AS ENUM('owner', 'admin', 'manager', 'front_desk', 'instructor', 'coach', 'creator', 'support', 'member');
  CREATE TYPE "public"."enum_tenant_memberships_status" AS ENUM('invited', 'active', 'frozen', 'archived');
  CREATE TYPE "public"."enum_media_kind" AS ENUM('image', 'video', 'audio', 'document');
  CREATE TYPE "public"."enum_media_status" AS ENUM('uploading', 'uploaded', 'transcoding', 'ready', 'failed');
  CREATE TYPE "public"."enum_media_visibility" AS ENUM('public', 'private');
  CREATE TYPE "public"."enum_audit_logs_category" AS ENUM('admin', 'billing', 'payment', 'security', 'integrity', 'data');
  CREATE TYPE "public"."enum_consents_type" AS ENUM('sms', 'email_marketing', 'push', 'terms', 'privacy', 'health_data', 'photo');
  CREATE TYPE "public"."enum_integration_connections_provider" AS ENUM('stripe', 'mailchimp', 'zapier', 'google', 'slack', 'hubspot', 'trackman', 'eventbrite', 'google_business_profile', 'cloudflare_stream', 'email', 'sms');
  CREATE TYPE "public"."enum_integration_connections_status" AS ENUM('connected', 'error', 'disconnected');
  CREATE TYPE "public"."enum_inbound_webhooks_source" AS ENUM('stripe', 'trackman', 'hubspot', 'email', 'cloudflare_stream', 'eventbrite', 'test');
  CREATE TYPE "public"."enum_inbound_webhooks_status" AS ENUM('received', 'processed', 'failed', 'ignored');
  CREATE TYPE "public"."enum_api_clients_roles" AS ENUM('admin', 'manager', 'front_desk', 'instructor', 'coach', 'creator', 'support');
  CREATE TYPE "public"."enum_api_clients_status" AS ENUM('active', 'revoked');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'deliverEvent');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'deliverEvent');
  CREATE TABLE "users_linked_emails" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"email" varchar NOT NULL,
  	"linked_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_tenants_roles" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_users_tenants_roles",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "users_tenants" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"tenant_id" uuid
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"phone" varchar,
  	"locale" varchar DEFAULT 'en',
  	"status" "enum_users_status" DEFAULT 'active',
  	"platform_role" "enum_users_platform_role" DEFAULT 'none',
  	"bio" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "tenants_domains" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"hostname" varchar NOT NULL
  );
  
  CREATE TABLE "tenants" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"status" "enum_tenants_status" DEFAULT 'active' NOT NULL,
  	"currency" varchar DEFAULT 'USD' NOT NULL,
  	"timezone" varchar DEFAULT 'UTC' NOT NULL,
  	"default_locale" varchar DEFAULT 'en',
  	"stripe_account_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tenant_memberships_roles" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_tenant_memberships_roles",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "tenant_memberships" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"user_id" uuid NOT NULL,
  	"status" "enum_tenant_memberships_status" DEFAULT 'active' NOT NULL,
  	"profile_display_name" varchar,
  	"profile_phone" varchar,
  	"profile_date_of_birth" timestamp(3) with time zone,
  	"profile_gender" varchar,
  	"profile_timezone" varchar,
  	"profile_emergency_contact" varchar,
  	"profile_extra" jsonb,
  	"stripe_customer_id" varchar,
  	"payout_account_id" varchar,
  	"joined_at" timestamp(3) with time zone,
  	"last_visit_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tenant_memberships_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "locations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"timezone" varchar NOT NULL,
  	"address_line1" varchar,
  	"address_line2" varchar,
  	"address_city" varchar,
  	"address_region" varchar,
  	"address_postal_code" varchar,
  	"address_country" varchar,
  	"is_active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "media" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"title" varchar,
  	"alt" varchar,
  	"description" varchar,
  	"kind" "enum_media_kind",
  	"owner_id" uuid,
  	"status" "enum_media_status" DEFAULT 'ready',
  	"visibility" "enum_media_visibility" DEFAULT 'public' NOT NULL,
  	"duration_seconds" numeric,
  	"stream_id" varchar,
  	"hls_master_playlist_key" varchar,
  	"uploaded_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar
  );
  
  CREATE TABLE "media_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "tenant_settings_contact_social_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"platform" varchar NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "tenant_settings" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"branding_platform_name" varchar,
  	"branding_logo_id" uuid,
  	"branding_primary_color" varchar DEFAULT '#3b5bdb',
  	"homepage_hero_title" varchar,
  	"homepage_hero_subtitle" varchar,
  	"homepage_hero_image_id" uuid,
  	"homepage_hero_cta_label" varchar,
  	"homepage_hero_cta_link" varchar,
  	"contact_email" varchar,
  	"contact_phone" varchar,
  	"about" jsonb,
  	"email_from_name" varchar,
  	"extra" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "platform_config" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"value" jsonb,
  	"enabled" boolean DEFAULT true,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feature_flags" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"feature_key" varchar NOT NULL,
  	"enabled" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_logs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"category" "enum_audit_logs_category" NOT NULL,
  	"action" varchar NOT NULL,
  	"actor_id" uuid,
  	"actor_email" varchar,
  	"resource_type" varchar,
  	"resource_id" varchar,
  	"before" jsonb,
  	"after" jsonb,
  	"amount_amount" numeric,
  	"amount_currency" varchar,
  	"ip_address" varchar,
  	"details" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "consents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"type" "enum_consents_type" NOT NULL,
  	"granted_at" timestamp(3) with time zone NOT NULL,
  	"revoked_at" timestamp(3) with time zone,
  	"source" varchar,
  	"ip_address" varchar,
  	"metadata" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "integration_connections" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"provider" "enum_integration_connections_provider" NOT NULL,
  	"config" jsonb,
  	"status" "enum_integration_connections_status" DEFAULT 'disconnected',
  	"last_sync_at" timestamp(3) with time zone,
  	"last_error" varchar,
  	"credentials_set_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "inbound_webhooks" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"source" "enum_inbound_webhooks_source" NOT NULL,
  	"event_id" varchar NOT NULL,
  	"dedup_key" varchar NOT NULL,
  	"event_type" varchar,
  	"payload" jsonb,
  	"status" "enum_inbound_webhooks_status" DEFAULT 'received',
  	"attempts" numeric DEFAULT 0,
  	"received_at" timestamp(3) with time zone,
  	"processed_at" timestamp(3) with time zone,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "api_clients_roles" (
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"value" "enum_api_clients_roles",
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL
  );
  
  CREATE TABLE "api_clients" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"name" varchar NOT NULL,
  	"status" "enum_api_clients_status" DEFAULT 'active' NOT NULL,
  	"rate_limit" numeric DEFAULT 600,
  	"last_used_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar
  );
  
  CREATE TABLE "encrypted_secrets" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"owner_collection" varchar NOT NULL,
  	"owner_id" varchar NOT NULL,
  	"field" varchar NOT NULL,
  	"envelope" varchar NOT NULL,
  	"key_id" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" uuid NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid,
  	"tenants_id" uuid,
  	"tenant_memberships_id" uuid,
  	"locations_id" uuid,
  	"media_id" uuid,
  	"tenant_settings_id" uuid,
  	"platform_config_id" uuid,
  	"feature_flags_id" uuid,
  	"audit_logs_id" uuid,
  	"consents_id" uuid,
  	"integration_connections_id" uuid,
  	"inbound_webhooks_id" uuid,
  	"api_clients_id" uuid,
  	"encrypted_secrets_id" uuid
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" uuid,
  	"api_clients_id" uuid
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_linked_emails" ADD CONSTRAINT "users_linked_emails_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_tenants_roles" ADD CONSTRAINT "users_tenants_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users_tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_tenants" ADD CONSTRAINT "users_tenants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_tenants" ADD CONSTRAINT "users_tenants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenants_domains" ADD CONSTRAINT "tenants_domains_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenant_memberships_roles" ADD CONSTRAINT "tenant_memberships_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenant_memberships" ADD CONSTRAINT "tenant_memberships_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tenant_memberships" ADD CONSTRAINT "tenant_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tenant_memberships_texts" ADD CONSTRAINT "tenant_memberships_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "locations" ADD CONSTRAINT "locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_owner_id_tenant_memberships_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media_texts" ADD CONSTRAINT "media_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenant_settings_contact_social_links" ADD CONSTRAINT "tenant_settings_contact_social_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tenant_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_branding_logo_id_media_id_fk" FOREIGN KEY ("branding_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tenant_settings" ADD CONSTRAINT "tenant_settings_homepage_hero_image_id_media_id_fk" FOREIGN KEY ("homepage_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "feature_flags" ADD CONSTRAINT "feature_flags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consents" ADD CONSTRAINT "consents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consents" ADD CONSTRAINT "consents_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "integration_connections" ADD CONSTRAINT "integration_connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "inbound_webhooks" ADD CONSTRAINT "inbound_webhooks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "api_clients_roles" ADD CONSTRAINT "api_clients_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tenants_fk" FOREIGN KEY ("tenants_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tenant_memberships_fk" FOREIGN KEY ("tenant_memberships_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_locations_fk" FOREIGN KEY ("locations_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tenant_settings_fk" FOREIGN KEY ("tenant_settings_id") REFERENCES "public"."tenant_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_platform_config_fk" FOREIGN KEY ("platform_config_id") REFERENCES "public"."platform_config"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feature_flags_fk" FOREIGN KEY ("feature_flags_id") REFERENCES "public"."feature_flags"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_logs_fk" FOREIGN KEY ("audit_logs_id") REFERENCES "public"."audit_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consents_fk" FOREIGN KEY ("consents_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_integration_connections_fk" FOREIGN KEY ("integration_connections_id") REFERENCES "public"."integration_connections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_inbound_webhooks_fk" FOREIGN KEY ("inbound_webhooks_id") REFERENCES "public"."inbound_webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_api_clients_fk" FOREIGN KEY ("api_clients_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_encrypted_secrets_fk" FOREIGN KEY ("encrypted_secrets_id") REFERENCES "public"."encrypted_secrets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_api_clients_fk" FOREIGN KEY ("api_clients_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_linked_emails_order_idx" ON "users_linked_emails" USING btree ("_order");
  CREATE INDEX "users_linked_emails_parent_id_idx" ON "users_linked_emails" USING btree ("_parent_id");
  CREATE INDEX "users_tenants_roles_order_idx" ON "users_tenants_roles" USING btree ("order");
  CREATE INDEX "users_tenants_roles_parent_idx" ON "users_tenants_roles" USING btree ("parent_id");
  CREATE INDEX "users_tenants_order_idx" ON "users_tenants" USING btree ("_order");
  CREATE INDEX "users_tenants_parent_id_idx" ON "users_tenants" USING btree ("_parent_id");
  CREATE INDEX "users_tenants_tenant_idx" ON "users_tenants" USING btree ("tenant_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE INDEX "users_deleted_at_idx" ON "users" USING btree ("deleted_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "tenants_domains_order_idx" ON "tenants_domains" USING btree ("_order");
  CREATE INDEX "tenants_domains_parent_id_idx" ON "tenants_domains" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "tenants_domains_hostname_idx" ON "tenants_domains" USING btree ("hostname");
  CREATE UNIQUE INDEX "tenants_slug_idx" ON "tenants" USING btree ("slug");
  CREATE INDEX "tenants_updated_at_idx" ON "tenants" USING btree ("updated_at");
  CREATE INDEX "tenants_created_at_idx" ON "tenants" USING btree ("created_at");
  CREATE INDEX "tenant_memberships_roles_order_idx" ON "tenant_memberships_roles" USING btree ("order");
  CREATE INDEX "tenant_memberships_roles_parent_idx" ON "tenant_memberships_roles" USING btree ("parent_id");
  CREATE INDEX "tenant_memberships_tenant_idx" ON "tenant_memberships" USING btree ("tenant_id");
  CREATE INDEX "tenant_memberships_user_idx" ON "tenant_memberships" USING btree ("user_id");
  CREATE INDEX "tenant_memberships_updated_at_idx" ON "tenant_memberships" USING btree ("updated_at");
  CREATE INDEX "tenant_memberships_created_at_idx" ON "tenant_memberships" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_user_idx" ON "tenant_memberships" USING btree ("tenant_id","user_id");
  CREATE INDEX "tenant_memberships_texts_order_parent" ON "tenant_memberships_texts" USING btree ("order","parent_id");
  CREATE INDEX "locations_tenant_idx" ON "locations" USING btree ("tenant_id");
  CREATE INDEX "locations_updated_at_idx" ON "locations" USING btree ("updated_at");
  CREATE INDEX "locations_created_at_idx" ON "locations" USING btree ("created_at");
  CREATE INDEX "locations_deleted_at_idx" ON "locations" USING btree ("deleted_at");
  CREATE UNIQUE INDEX "tenant_slug_idx" ON "locations" USING btree ("tenant_id","slug");
  CREATE INDEX "media_tenant_idx" ON "media" USING btree ("tenant_id");
  CREATE INDEX "media_owner_idx" ON "media" USING btree ("owner_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE INDEX "media_deleted_at_idx" ON "media" USING btree ("deleted_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "tenant_owner_status_idx" ON "media" USING btree ("tenant_id","owner_id","status");
  CREATE INDEX "tenant_owner_kind_idx" ON "media" USING btree ("tenant_id","owner_id","kind");
  CREATE INDEX "media_texts_order_parent" ON "media_texts" USING btree ("order","parent_id");
  CREATE INDEX "tenant_settings_contact_social_links_order_idx" ON "tenant_settings_contact_social_links" USING btree ("_order");
  CREATE INDEX "tenant_settings_contact_social_links_parent_id_idx" ON "tenant_settings_contact_social_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "tenant_settings_tenant_idx" ON "tenant_settings" USING btree ("tenant_id");
  CREATE INDEX "tenant_settings_branding_branding_logo_idx" ON "tenant_settings" USING btree ("branding_logo_id");
  CREATE INDEX "tenant_settings_homepage_homepage_hero_image_idx" ON "tenant_settings" USING btree ("homepage_hero_image_id");
  CREATE INDEX "tenant_settings_updated_at_idx" ON "tenant_settings" USING btree ("updated_at");
  CREATE INDEX "tenant_settings_created_at_idx" ON "tenant_settings" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_idx" ON "tenant_settings" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "platform_config_key_idx" ON "platform_config" USING btree ("key");
  CREATE INDEX "platform_config_updated_at_idx" ON "platform_config" USING btree ("updated_at");
  CREATE INDEX "platform_config_created_at_idx" ON "platform_config" USING btree ("created_at");
  CREATE INDEX "feature_flags_tenant_idx" ON "feature_flags" USING btree ("tenant_id");
  CREATE INDEX "feature_flags_updated_at_idx" ON "feature_flags" USING btree ("updated_at");
  CREATE INDEX "feature_flags_created_at_idx" ON "feature_flags" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_featureKey_idx" ON "feature_flags" USING btree ("tenant_id","feature_key");
  CREATE INDEX "audit_logs_tenant_idx" ON "audit_logs" USING btree ("tenant_id");
  CREATE INDEX "audit_logs_actor_idx" ON "audit_logs" USING btree ("actor_id");
  CREATE INDEX "audit_logs_updated_at_idx" ON "audit_logs" USING btree ("updated_at");
  CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs" USING btree ("created_at");
  CREATE INDEX "tenant_createdAt_idx" ON "audit_logs" USING btree ("tenant_id","created_at");
  CREATE INDEX "resourceType_resourceId_idx" ON "audit_logs" USING btree ("resource_type","resource_id");
  CREATE INDEX "consents_tenant_idx" ON "consents" USING btree ("tenant_id");
  CREATE INDEX "consents_member_idx" ON "consents" USING btree ("member_id");
  CREATE INDEX "consents_updated_at_idx" ON "consents" USING btree ("updated_at");
  CREATE INDEX "consents_created_at_idx" ON "consents" USING btree ("created_at");
  CREATE INDEX "tenant_member_type_idx" ON "consents" USING btree ("tenant_id","member_id","type");
  CREATE INDEX "integration_connections_tenant_idx" ON "integration_connections" USING btree ("tenant_id");
  CREATE INDEX "integration_connections_updated_at_idx" ON "integration_connections" USING btree ("updated_at");
  CREATE INDEX "integration_connections_created_at_idx" ON "integration_connections" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_provider_idx" ON "integration_connections" USING btree ("tenant_id","provider");
  CREATE INDEX "inbound_webhooks_tenant_idx" ON "inbound_webhooks" USING btree ("tenant_id");
  CREATE INDEX "inbound_webhooks_updated_at_idx" ON "inbound_webhooks" USING btree ("updated_at");
  CREATE INDEX "inbound_webhooks_created_at_idx" ON "inbound_webhooks" USING btree ("created_at");
  CREATE UNIQUE INDEX "source_dedupKey_idx" ON "inbound_webhooks" USING btree ("source","dedup_key");
  CREATE INDEX "api_clients_roles_order_idx" ON "api_clients_roles" USING btree ("order");
  CREATE INDEX "api_clients_roles_parent_idx" ON "api_clients_roles" USING btree ("parent_id");
  CREATE INDEX "api_clients_tenant_idx" ON "api_clients" USING btree ("tenant_id");
  CREATE INDEX "api_clients_updated_at_idx" ON "api_clients" USING btree ("updated_at");
  CREATE INDEX "api_clients_created_at_idx" ON "api_clients" USING btree ("created_at");
  CREATE INDEX "encrypted_secrets_key_id_idx" ON "encrypted_secrets" USING btree ("key_id");
  CREATE INDEX "encrypted_secrets_updated_at_idx" ON "encrypted_secrets" USING btree ("updated_at");
  CREATE INDEX "encrypted_secrets_created_at_idx" ON "encrypted_secrets" USING btree ("created_at");
  CREATE UNIQUE INDEX "ownerCollection_ownerId_field_idx" ON "encrypted_secrets" USING btree ("owner_collection","owner_id","field");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_tenants_id_idx" ON "payload_locked_documents_rels" USING btree ("tenants_id");
  CREATE INDEX "payload_locked_documents_rels_tenant_memberships_id_idx" ON "payload_locked_documents_rels" USING btree ("tenant_memberships_id");
  CREATE INDEX "payload_locked_documents_rels_locations_id_idx" ON "payload_locked_documents_rels" USING btree ("locations_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_tenant_settings_id_idx" ON "payload_locked_documents_rels" USING btree ("tenant_settings_id");
  CREATE INDEX "payload_locked_documents_rels_platform_config_id_idx" ON "payload_locked_documents_rels" USING btree ("platform_config_id");
  CREATE INDEX "payload_locked_documents_rels_feature_flags_id_idx" ON "payload_locked_documents_rels" USING btree ("feature_flags_id");
  CREATE INDEX "payload_locked_documents_rels_audit_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_logs_id");
  CREATE INDEX "payload_locked_documents_rels_consents_id_idx" ON "payload_locked_documents_rels" USING btree ("consents_id");
  CREATE INDEX "payload_locked_documents_rels_integration_connections_id_idx" ON "payload_locked_documents_rels" USING btree ("integration_connections_id");
  CREATE INDEX "payload_locked_documents_rels_inbound_webhooks_id_idx" ON "payload_locked_documents_rels" USING btree ("inbound_webhooks_id");
  CREATE INDEX "payload_locked_documents_rels_api_clients_id_idx" ON "payload_locked_documents_rels" USING btree ("api_clients_id");
  CREATE INDEX "payload_locked_documents_rels_encrypted_secrets_id_idx" ON "payload_locked_documents_rels" USING btree ("encrypted_secrets_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_rels_api_clients_id_idx" ON "payload_preferences_rels" USING btree ("api_clients_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_linked_emails" CASCADE;
  DROP TABLE "users_tenants_roles" CASCADE;
  DROP TABLE "users_tenants" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "tenants_domains" CASCADE;
  DROP TABLE "tenants" CASCADE;
  DROP TABLE "tenant_memberships_roles" CASCADE;
  DROP TABLE "tenant_memberships" CASCADE;
  DROP TABLE "tenant_memberships_texts" CASCADE;
  DROP TABLE "locations" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_texts" CASCADE;
  DROP TABLE "tenant_settings_contact_social_links" CASCADE;
  DROP TABLE "tenant_settings" CASCADE;
  DROP TABLE "platform_config" CASCADE;
  DROP TABLE "feature_flags" CASCADE;
  DROP TABLE "audit_logs" CASCADE;
  DROP TABLE "consents" CASCADE;
  DROP TABLE "integration_connections" CASCADE;
  DROP TABLE "inbound_webhooks" CASCADE;
  DROP TABLE "api_clients_roles" CASCADE;
  DROP TABLE "api_clients" CASCADE;
  DROP TABLE "encrypted_secrets" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_users_tenants_roles";
  DROP TYPE "public"."enum_users_status";
  DROP TYPE "public"."enum_users_platform_role";
  DROP TYPE "public"."enum_tenants_status";
  DROP TYPE "public"."enum_tenant_memberships_roles";
  DROP TYPE "public"."enum_tenant_memberships_status";
  DROP TYPE "public"."enum_media_kind";
  DROP TYPE "public"."enum_media_status";
  DROP TYPE "public"."enum_media_visibility";
  DROP TYPE "public"."enum_audit_logs_category";
  DROP TYPE "public"."enum_consents_type";
  DROP TYPE "public"."enum_integration_connections_provider";
  DROP TYPE "public"."enum_integration_connections_status";
  DROP TYPE "public"."enum_inbound_webhooks_source";
  DROP TYPE "public"."enum_inbound_webhooks_status";
  DROP TYPE "public"."enum_api_clients_roles";
  DROP TYPE "public"."enum_api_clients_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
