import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The near-duplicate check's index (plugins/website/operations/lshBands.ts): each post's LSH band
 * keys (42 bands of 3 MinHash slots: `<band>:<first 16 hex of md5("<a>.<b>.<c>")>`) in a JSON array
 * under a GIN index, which `?|` (any of these keys) uses. Posts saved before get their keys from
 * their stored fingerprint here, with the same expression as `operations/sql/lshBandsSql.ts`.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "blog_posts" ADD COLUMN "lsh_bands" jsonb;
  ALTER TABLE "_blog_posts_v" ADD COLUMN "version_lsh_bands" jsonb;
  UPDATE "blog_posts" SET "lsh_bands" = (
    SELECT jsonb_agg(b::text || ':' || left(md5(concat_ws('.', "fingerprint"->>(b * 3), "fingerprint"->>(b * 3 + 1), "fingerprint"->>(b * 3 + 2))), 16) ORDER BY b)
    FROM generate_series(0, 41) AS b)
  WHERE jsonb_typeof("fingerprint") = 'array' AND jsonb_array_length("fingerprint") >= 126;
  CREATE INDEX IF NOT EXISTS "blog_posts_lsh_bands_gin" ON "blog_posts" USING gin ("lsh_bands");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX IF EXISTS "blog_posts_lsh_bands_gin";
  ALTER TABLE "blog_posts" DROP COLUMN IF EXISTS "lsh_bands";
  ALTER TABLE "_blog_posts_v" DROP COLUMN IF EXISTS "version_lsh_bands";`)
}
