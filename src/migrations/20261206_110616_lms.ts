import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_courses_kind" AS ENUM('course', 'series');
  CREATE TYPE "public"."enum_courses_delivery_mode" AS ENUM('self_paced', 'cohort', 'live', 'drip');
  CREATE TYPE "public"."enum_courses_navigation" AS ENUM('free', 'linear');
  CREATE TYPE "public"."enum_courses_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__courses_v_version_kind" AS ENUM('course', 'series');
  CREATE TYPE "public"."enum__courses_v_version_delivery_mode" AS ENUM('self_paced', 'cohort', 'live', 'drip');
  CREATE TYPE "public"."enum__courses_v_version_navigation" AS ENUM('free', 'linear');
  CREATE TYPE "public"."enum__courses_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_lessons_item_type" AS ENUM('video', 'audio', 'text');
  CREATE TYPE "public"."enum_lessons_unlock_mode" AS ENUM('none', 'after_days', 'on_date', 'cohort_start', 'prerequisite');
  CREATE TYPE "public"."enum_content_items_content_type" AS ENUM('video', 'audio', 'written');
  CREATE TYPE "public"."enum_content_items_visibility" AS ENUM('public', 'private', 'members_only', 'purchased_only');
  CREATE TYPE "public"."enum_content_items_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__content_items_v_version_content_type" AS ENUM('video', 'audio', 'written');
  CREATE TYPE "public"."enum__content_items_v_version_visibility" AS ENUM('public', 'private', 'members_only', 'purchased_only');
  CREATE TYPE "public"."enum__content_items_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_access_grants_access_type" AS ENUM('purchased', 'subscription', 'complimentary', 'preview', 'booking', 'enrollment');
  CREATE TYPE "public"."enum_course_enrollments_status" AS ENUM('active', 'completed', 'dropped', 'expired');
  CREATE TYPE "public"."enum_course_enrollments_source" AS ENUM('free', 'purchase', 'subscription', 'complimentary', 'offering');
  CREATE TABLE "courses" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"title" varchar,
  	"slug" varchar,
  	"description" varchar,
  	"thumbnail_id" uuid,
  	"kind" "enum_courses_kind" DEFAULT 'course',
  	"delivery_mode" "enum_courses_delivery_mode" DEFAULT 'self_paced',
  	"navigation" "enum_courses_navigation" DEFAULT 'free',
  	"cohort_start_date" timestamp(3) with time zone,
  	"cohort_end_date" timestamp(3) with time zone,
  	"price_amount" numeric,
  	"price_currency" varchar,
  	"published_at" timestamp(3) with time zone,
  	"creator_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone,
  	"_status" "enum_courses_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_courses_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_tenant_id" uuid,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_description" varchar,
  	"version_thumbnail_id" uuid,
  	"version_kind" "enum__courses_v_version_kind" DEFAULT 'course',
  	"version_delivery_mode" "enum__courses_v_version_delivery_mode" DEFAULT 'self_paced',
  	"version_navigation" "enum__courses_v_version_navigation" DEFAULT 'free',
  	"version_cohort_start_date" timestamp(3) with time zone,
  	"version_cohort_end_date" timestamp(3) with time zone,
  	"version_price_amount" numeric,
  	"version_price_currency" varchar,
  	"version_published_at" timestamp(3) with time zone,
  	"version_creator_id" uuid,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version_deleted_at" timestamp(3) with time zone,
  	"version__status" "enum__courses_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "course_modules" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"_course_modules_modules_order" varchar,
  	"tenant_id" uuid,
  	"course_id" uuid NOT NULL,
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "lessons" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"_lessons_lessons_order" varchar,
  	"tenant_id" uuid,
  	"title" varchar NOT NULL,
  	"module_id" uuid NOT NULL,
  	"course_id" uuid,
  	"item_type" "enum_lessons_item_type" DEFAULT 'video' NOT NULL,
  	"content_id" uuid NOT NULL,
  	"is_preview" boolean DEFAULT false,
  	"unlock_mode" "enum_lessons_unlock_mode" DEFAULT 'none' NOT NULL,
  	"unlock_days" numeric,
  	"unlock_date" timestamp(3) with time zone,
  	"unlock_prerequisite_id" uuid,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "content_items" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"title" varchar,
  	"slug" varchar,
  	"description" varchar,
  	"content_type" "enum_content_items_content_type" DEFAULT 'video',
  	"media_id" uuid,
  	"thumbnail_id" uuid,
  	"body" jsonb,
  	"category" varchar,
  	"visibility" "enum_content_items_visibility" DEFAULT 'public',
  	"price_amount" numeric,
  	"price_currency" varchar,
  	"published_at" timestamp(3) with time zone,
  	"creator_id" uuid,
  	"view_count" numeric DEFAULT 0,
  	"purchase_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"deleted_at" timestamp(3) with time zone,
  	"_status" "enum_content_items_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "content_items_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_content_items_v" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"parent_id" uuid,
  	"version_tenant_id" uuid,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_description" varchar,
  	"version_content_type" "enum__content_items_v_version_content_type" DEFAULT 'video',
  	"version_media_id" uuid,
  	"version_thumbnail_id" uuid,
  	"version_body" jsonb,
  	"version_category" varchar,
  	"version_visibility" "enum__content_items_v_version_visibility" DEFAULT 'public',
  	"version_price_amount" numeric,
  	"version_price_currency" varchar,
  	"version_published_at" timestamp(3) with time zone,
  	"version_creator_id" uuid,
  	"version_view_count" numeric DEFAULT 0,
  	"version_purchase_count" numeric DEFAULT 0,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version_deleted_at" timestamp(3) with time zone,
  	"version__status" "enum__content_items_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_content_items_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "access_grants" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"course_id" uuid,
  	"content_item_id" uuid,
  	"access_type" "enum_access_grants_access_type" DEFAULT 'complimentary' NOT NULL,
  	"granted_at" timestamp(3) with time zone,
  	"available_from" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"revoked_at" timestamp(3) with time zone,
  	"revoke_reason" varchar,
  	"last_accessed_at" timestamp(3) with time zone,
  	"source_collection" varchar,
  	"source_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "course_enrollments" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"course_id" uuid NOT NULL,
  	"member_id" uuid NOT NULL,
  	"status" "enum_course_enrollments_status" DEFAULT 'active' NOT NULL,
  	"progress_pct" numeric DEFAULT 0,
  	"enrolled_at" timestamp(3) with time zone,
  	"completed_at" timestamp(3) with time zone,
  	"source" "enum_course_enrollments_source" DEFAULT 'free',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "lesson_completions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"course_id" uuid NOT NULL,
  	"lesson_id" uuid NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "playback_positions" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"tenant_id" uuid,
  	"member_id" uuid NOT NULL,
  	"content_id" uuid NOT NULL,
  	"position_seconds" numeric NOT NULL,
  	"duration_seconds" numeric NOT NULL,
  	"completed" boolean DEFAULT false,
  	"completed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "products" ADD COLUMN "lms_course_id" uuid;
  ALTER TABLE "products" ADD COLUMN "lms_content_item_id" uuid;
  ALTER TABLE "products" ADD COLUMN "lms_access_days" numeric;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "courses_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "course_modules_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "lessons_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "content_items_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "access_grants_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "course_enrollments_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "lesson_completions_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "playback_positions_id" uuid;
  ALTER TABLE "courses" ADD CONSTRAINT "courses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "courses" ADD CONSTRAINT "courses_thumbnail_id_media_id_fk" FOREIGN KEY ("thumbnail_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "courses" ADD CONSTRAINT "courses_creator_id_tenant_memberships_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_parent_id_courses_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_version_tenant_id_tenants_id_fk" FOREIGN KEY ("version_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_version_thumbnail_id_media_id_fk" FOREIGN KEY ("version_thumbnail_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_version_creator_id_tenant_memberships_id_fk" FOREIGN KEY ("version_creator_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_modules" ADD CONSTRAINT "course_modules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_modules" ADD CONSTRAINT "course_modules_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_module_id_course_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."course_modules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lessons" ADD CONSTRAINT "lessons_unlock_prerequisite_id_lessons_id_fk" FOREIGN KEY ("unlock_prerequisite_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_items" ADD CONSTRAINT "content_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_items" ADD CONSTRAINT "content_items_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_items" ADD CONSTRAINT "content_items_thumbnail_id_media_id_fk" FOREIGN KEY ("thumbnail_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_items" ADD CONSTRAINT "content_items_creator_id_tenant_memberships_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "content_items_texts" ADD CONSTRAINT "content_items_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_parent_id_content_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_version_tenant_id_tenants_id_fk" FOREIGN KEY ("version_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_version_media_id_media_id_fk" FOREIGN KEY ("version_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_version_thumbnail_id_media_id_fk" FOREIGN KEY ("version_thumbnail_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v" ADD CONSTRAINT "_content_items_v_version_creator_id_tenant_memberships_id_fk" FOREIGN KEY ("version_creator_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_content_items_v_texts" ADD CONSTRAINT "_content_items_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_content_items_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_content_item_id_content_items_id_fk" FOREIGN KEY ("content_item_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_completions" ADD CONSTRAINT "lesson_completions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_completions" ADD CONSTRAINT "lesson_completions_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_completions" ADD CONSTRAINT "lesson_completions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_completions" ADD CONSTRAINT "lesson_completions_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "playback_positions" ADD CONSTRAINT "playback_positions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "playback_positions" ADD CONSTRAINT "playback_positions_member_id_tenant_memberships_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."tenant_memberships"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "playback_positions" ADD CONSTRAINT "playback_positions_content_id_content_items_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "courses_tenant_idx" ON "courses" USING btree ("tenant_id");
  CREATE INDEX "courses_thumbnail_idx" ON "courses" USING btree ("thumbnail_id");
  CREATE INDEX "courses_creator_idx" ON "courses" USING btree ("creator_id");
  CREATE INDEX "courses_updated_at_idx" ON "courses" USING btree ("updated_at");
  CREATE INDEX "courses_created_at_idx" ON "courses" USING btree ("created_at");
  CREATE INDEX "courses_deleted_at_idx" ON "courses" USING btree ("deleted_at");
  CREATE INDEX "courses__status_idx" ON "courses" USING btree ("_status");
  CREATE UNIQUE INDEX "tenant_slug_2_idx" ON "courses" USING btree ("tenant_id","slug");
  CREATE INDEX "_courses_v_parent_idx" ON "_courses_v" USING btree ("parent_id");
  CREATE INDEX "_courses_v_version_version_tenant_idx" ON "_courses_v" USING btree ("version_tenant_id");
  CREATE INDEX "_courses_v_version_version_thumbnail_idx" ON "_courses_v" USING btree ("version_thumbnail_id");
  CREATE INDEX "_courses_v_version_version_creator_idx" ON "_courses_v" USING btree ("version_creator_id");
  CREATE INDEX "_courses_v_version_version_updated_at_idx" ON "_courses_v" USING btree ("version_updated_at");
  CREATE INDEX "_courses_v_version_version_created_at_idx" ON "_courses_v" USING btree ("version_created_at");
  CREATE INDEX "_courses_v_version_version_deleted_at_idx" ON "_courses_v" USING btree ("version_deleted_at");
  CREATE INDEX "_courses_v_version_version__status_idx" ON "_courses_v" USING btree ("version__status");
  CREATE INDEX "_courses_v_created_at_idx" ON "_courses_v" USING btree ("created_at");
  CREATE INDEX "_courses_v_updated_at_idx" ON "_courses_v" USING btree ("updated_at");
  CREATE INDEX "_courses_v_latest_idx" ON "_courses_v" USING btree ("latest");
  CREATE INDEX "version_tenant_version_slug_idx" ON "_courses_v" USING btree ("version_tenant_id","version_slug");
  CREATE INDEX "course_modules__course_modules_modules_order_idx" ON "course_modules" USING btree ("_course_modules_modules_order");
  CREATE INDEX "course_modules_tenant_idx" ON "course_modules" USING btree ("tenant_id");
  CREATE INDEX "course_modules_course_idx" ON "course_modules" USING btree ("course_id");
  CREATE INDEX "course_modules_updated_at_idx" ON "course_modules" USING btree ("updated_at");
  CREATE INDEX "course_modules_created_at_idx" ON "course_modules" USING btree ("created_at");
  CREATE INDEX "tenant_course_idx" ON "course_modules" USING btree ("tenant_id","course_id");
  CREATE INDEX "lessons__lessons_lessons_order_idx" ON "lessons" USING btree ("_lessons_lessons_order");
  CREATE INDEX "lessons_tenant_idx" ON "lessons" USING btree ("tenant_id");
  CREATE INDEX "lessons_module_idx" ON "lessons" USING btree ("module_id");
  CREATE INDEX "lessons_course_idx" ON "lessons" USING btree ("course_id");
  CREATE INDEX "lessons_content_idx" ON "lessons" USING btree ("content_id");
  CREATE INDEX "lessons_unlock_unlock_prerequisite_idx" ON "lessons" USING btree ("unlock_prerequisite_id");
  CREATE INDEX "lessons_updated_at_idx" ON "lessons" USING btree ("updated_at");
  CREATE INDEX "lessons_created_at_idx" ON "lessons" USING btree ("created_at");
  CREATE INDEX "tenant_course_1_idx" ON "lessons" USING btree ("tenant_id","course_id");
  CREATE INDEX "tenant_module_idx" ON "lessons" USING btree ("tenant_id","module_id");
  CREATE INDEX "content_items_tenant_idx" ON "content_items" USING btree ("tenant_id");
  CREATE INDEX "content_items_media_idx" ON "content_items" USING btree ("media_id");
  CREATE INDEX "content_items_thumbnail_idx" ON "content_items" USING btree ("thumbnail_id");
  CREATE INDEX "content_items_creator_idx" ON "content_items" USING btree ("creator_id");
  CREATE INDEX "content_items_updated_at_idx" ON "content_items" USING btree ("updated_at");
  CREATE INDEX "content_items_created_at_idx" ON "content_items" USING btree ("created_at");
  CREATE INDEX "content_items_deleted_at_idx" ON "content_items" USING btree ("deleted_at");
  CREATE INDEX "content_items__status_idx" ON "content_items" USING btree ("_status");
  CREATE UNIQUE INDEX "tenant_slug_3_idx" ON "content_items" USING btree ("tenant_id","slug");
  CREATE INDEX "tenant__status_publishedAt_idx" ON "content_items" USING btree ("tenant_id","_status","published_at");
  CREATE INDEX "tenant_category_idx" ON "content_items" USING btree ("tenant_id","category");
  CREATE INDEX "content_items_texts_order_parent" ON "content_items_texts" USING btree ("order","parent_id");
  CREATE INDEX "_content_items_v_parent_idx" ON "_content_items_v" USING btree ("parent_id");
  CREATE INDEX "_content_items_v_version_version_tenant_idx" ON "_content_items_v" USING btree ("version_tenant_id");
  CREATE INDEX "_content_items_v_version_version_media_idx" ON "_content_items_v" USING btree ("version_media_id");
  CREATE INDEX "_content_items_v_version_version_thumbnail_idx" ON "_content_items_v" USING btree ("version_thumbnail_id");
  CREATE INDEX "_content_items_v_version_version_creator_idx" ON "_content_items_v" USING btree ("version_creator_id");
  CREATE INDEX "_content_items_v_version_version_updated_at_idx" ON "_content_items_v" USING btree ("version_updated_at");
  CREATE INDEX "_content_items_v_version_version_created_at_idx" ON "_content_items_v" USING btree ("version_created_at");
  CREATE INDEX "_content_items_v_version_version_deleted_at_idx" ON "_content_items_v" USING btree ("version_deleted_at");
  CREATE INDEX "_content_items_v_version_version__status_idx" ON "_content_items_v" USING btree ("version__status");
  CREATE INDEX "_content_items_v_created_at_idx" ON "_content_items_v" USING btree ("created_at");
  CREATE INDEX "_content_items_v_updated_at_idx" ON "_content_items_v" USING btree ("updated_at");
  CREATE INDEX "_content_items_v_latest_idx" ON "_content_items_v" USING btree ("latest");
  CREATE INDEX "version_tenant_version_slug_1_idx" ON "_content_items_v" USING btree ("version_tenant_id","version_slug");
  CREATE INDEX "version_tenant_version__status_version_publishedAt_idx" ON "_content_items_v" USING btree ("version_tenant_id","version__status","version_published_at");
  CREATE INDEX "version_tenant_version_category_idx" ON "_content_items_v" USING btree ("version_tenant_id","version_category");
  CREATE INDEX "_content_items_v_texts_order_parent" ON "_content_items_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "access_grants_tenant_idx" ON "access_grants" USING btree ("tenant_id");
  CREATE INDEX "access_grants_member_idx" ON "access_grants" USING btree ("member_id");
  CREATE INDEX "access_grants_course_idx" ON "access_grants" USING btree ("course_id");
  CREATE INDEX "access_grants_content_item_idx" ON "access_grants" USING btree ("content_item_id");
  CREATE INDEX "access_grants_updated_at_idx" ON "access_grants" USING btree ("updated_at");
  CREATE INDEX "access_grants_created_at_idx" ON "access_grants" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_member_course_idx" ON "access_grants" USING btree ("tenant_id","member_id","course_id");
  CREATE UNIQUE INDEX "tenant_member_contentItem_idx" ON "access_grants" USING btree ("tenant_id","member_id","content_item_id");
  CREATE INDEX "tenant_expiresAt_idx" ON "access_grants" USING btree ("tenant_id","expires_at");
  CREATE INDEX "tenant_sourceCollection_sourceId_idx" ON "access_grants" USING btree ("tenant_id","source_collection","source_id");
  CREATE INDEX "course_enrollments_tenant_idx" ON "course_enrollments" USING btree ("tenant_id");
  CREATE INDEX "course_enrollments_course_idx" ON "course_enrollments" USING btree ("course_id");
  CREATE INDEX "course_enrollments_member_idx" ON "course_enrollments" USING btree ("member_id");
  CREATE INDEX "course_enrollments_updated_at_idx" ON "course_enrollments" USING btree ("updated_at");
  CREATE INDEX "course_enrollments_created_at_idx" ON "course_enrollments" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_course_member_idx" ON "course_enrollments" USING btree ("tenant_id","course_id","member_id");
  CREATE INDEX "tenant_member_status_1_idx" ON "course_enrollments" USING btree ("tenant_id","member_id","status");
  CREATE INDEX "lesson_completions_tenant_idx" ON "lesson_completions" USING btree ("tenant_id");
  CREATE INDEX "lesson_completions_member_idx" ON "lesson_completions" USING btree ("member_id");
  CREATE INDEX "lesson_completions_course_idx" ON "lesson_completions" USING btree ("course_id");
  CREATE INDEX "lesson_completions_lesson_idx" ON "lesson_completions" USING btree ("lesson_id");
  CREATE INDEX "lesson_completions_updated_at_idx" ON "lesson_completions" USING btree ("updated_at");
  CREATE INDEX "lesson_completions_created_at_idx" ON "lesson_completions" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_member_lesson_idx" ON "lesson_completions" USING btree ("tenant_id","member_id","lesson_id");
  CREATE INDEX "tenant_member_course_1_idx" ON "lesson_completions" USING btree ("tenant_id","member_id","course_id");
  CREATE INDEX "playback_positions_tenant_idx" ON "playback_positions" USING btree ("tenant_id");
  CREATE INDEX "playback_positions_member_idx" ON "playback_positions" USING btree ("member_id");
  CREATE INDEX "playback_positions_content_idx" ON "playback_positions" USING btree ("content_id");
  CREATE INDEX "playback_positions_updated_at_idx" ON "playback_positions" USING btree ("updated_at");
  CREATE INDEX "playback_positions_created_at_idx" ON "playback_positions" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_member_content_idx" ON "playback_positions" USING btree ("tenant_id","member_id","content_id");
  ALTER TABLE "products" ADD CONSTRAINT "products_lms_course_id_courses_id_fk" FOREIGN KEY ("lms_course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "products" ADD CONSTRAINT "products_lms_content_item_id_content_items_id_fk" FOREIGN KEY ("lms_content_item_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_course_modules_fk" FOREIGN KEY ("course_modules_id") REFERENCES "public"."course_modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lessons_fk" FOREIGN KEY ("lessons_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_content_items_fk" FOREIGN KEY ("content_items_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_access_grants_fk" FOREIGN KEY ("access_grants_id") REFERENCES "public"."access_grants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_course_enrollments_fk" FOREIGN KEY ("course_enrollments_id") REFERENCES "public"."course_enrollments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lesson_completions_fk" FOREIGN KEY ("lesson_completions_id") REFERENCES "public"."lesson_completions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_playback_positions_fk" FOREIGN KEY ("playback_positions_id") REFERENCES "public"."playback_positions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "products_lms_lms_course_idx" ON "products" USING btree ("lms_course_id");
  CREATE INDEX "products_lms_lms_content_item_idx" ON "products" USING btree ("lms_content_item_id");
  CREATE INDEX "payload_locked_documents_rels_courses_id_idx" ON "payload_locked_documents_rels" USING btree ("courses_id");
  CREATE INDEX "payload_locked_documents_rels_course_modules_id_idx" ON "payload_locked_documents_rels" USING btree ("course_modules_id");
  CREATE INDEX "payload_locked_documents_rels_lessons_id_idx" ON "payload_locked_documents_rels" USING btree ("lessons_id");
  CREATE INDEX "payload_locked_documents_rels_content_items_id_idx" ON "payload_locked_documents_rels" USING btree ("content_items_id");
  CREATE INDEX "payload_locked_documents_rels_access_grants_id_idx" ON "payload_locked_documents_rels" USING btree ("access_grants_id");
  CREATE INDEX "payload_locked_documents_rels_course_enrollments_id_idx" ON "payload_locked_documents_rels" USING btree ("course_enrollments_id");
  CREATE INDEX "payload_locked_documents_rels_lesson_completions_id_idx" ON "payload_locked_documents_rels" USING btree ("lesson_completions_id");
  CREATE INDEX "payload_locked_documents_rels_playback_positions_id_idx" ON "payload_locked_documents_rels" USING btree ("playback_positions_id");`)
  // lms invariants the field config cannot express (DOMAIN-MAP lms: CK(position ≤ duration), progress 0–100, one grant target).
  await db.execute(sql`
  ALTER TABLE "playback_positions" ADD CONSTRAINT "playback_positions_position_within_duration" CHECK ("position_seconds" >= 0 AND "position_seconds" <= "duration_seconds");
  ALTER TABLE "course_enrollments" ADD CONSTRAINT "course_enrollments_progress_range" CHECK ("progress_pct" >= 0 AND "progress_pct" <= 100);
  ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_one_target" CHECK (("course_id" IS NULL) <> ("content_item_id" IS NULL));`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "courses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_courses_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "course_modules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lessons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "content_items_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_content_items_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "access_grants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "course_enrollments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lesson_completions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "playback_positions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "courses" CASCADE;
  DROP TABLE "_courses_v" CASCADE;
  DROP TABLE "course_modules" CASCADE;
  DROP TABLE "lessons" CASCADE;
  DROP TABLE "content_items" CASCADE;
  DROP TABLE "content_items_texts" CASCADE;
  DROP TABLE "_content_items_v" CASCADE;
  DROP TABLE "_content_items_v_texts" CASCADE;
  DROP TABLE "access_grants" CASCADE;
  DROP TABLE "course_enrollments" CASCADE;
  DROP TABLE "lesson_completions" CASCADE;
  DROP TABLE "playback_positions" CASCADE;
  ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "products_lms_course_id_courses_id_fk";
  
  ALTER TABLE "products" DROP CONSTRAINT IF EXISTS "products_lms_content_item_id_content_items_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_courses_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_course_modules_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_lessons_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_content_items_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_access_grants_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_course_enrollments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_lesson_completions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_playback_positions_fk";
  
  DROP INDEX "products_lms_lms_course_idx";
  DROP INDEX "products_lms_lms_content_item_idx";
  DROP INDEX "payload_locked_documents_rels_courses_id_idx";
  DROP INDEX "payload_locked_documents_rels_course_modules_id_idx";
  DROP INDEX "payload_locked_documents_rels_lessons_id_idx";
  DROP INDEX "payload_locked_documents_rels_content_items_id_idx";
  DROP INDEX "payload_locked_documents_rels_access_grants_id_idx";
  DROP INDEX "payload_locked_documents_rels_course_enrollments_id_idx";
  DROP INDEX "payload_locked_documents_rels_lesson_completions_id_idx";
  DROP INDEX "payload_locked_documents_rels_playback_positions_id_idx";
  ALTER TABLE "products" DROP COLUMN "lms_course_id";
  ALTER TABLE "products" DROP COLUMN "lms_content_item_id";
  ALTER TABLE "products" DROP COLUMN "lms_access_days";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "courses_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "course_modules_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "lessons_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "content_items_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "access_grants_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "course_enrollments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "lesson_completions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "playback_positions_id";
  DROP TYPE "public"."enum_courses_kind";
  DROP TYPE "public"."enum_courses_delivery_mode";
  DROP TYPE "public"."enum_courses_navigation";
  DROP TYPE "public"."enum_courses_status";
  DROP TYPE "public"."enum__courses_v_version_kind";
  DROP TYPE "public"."enum__courses_v_version_delivery_mode";
  DROP TYPE "public"."enum__courses_v_version_navigation";
  DROP TYPE "public"."enum__courses_v_version_status";
  DROP TYPE "public"."enum_lessons_item_type";
  DROP TYPE "public"."enum_lessons_unlock_mode";
  DROP TYPE "public"."enum_content_items_content_type";
  DROP TYPE "public"."enum_content_items_visibility";
  DROP TYPE "public"."enum_content_items_status";
  DROP TYPE "public"."enum__content_items_v_version_content_type";
  DROP TYPE "public"."enum__content_items_v_version_visibility";
  DROP TYPE "public"."enum__content_items_v_version_status";
  DROP TYPE "public"."enum_access_grants_access_type";
  DROP TYPE "public"."enum_course_enrollments_status";
  DROP TYPE "public"."enum_course_enrollments_source";`)
}
