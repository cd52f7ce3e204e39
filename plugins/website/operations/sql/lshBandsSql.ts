import { sql } from '@payloadcms/db-postgres'
import type { SQL } from '@/core'
import { LSH_BANDS, LSH_ROWS } from '../lshBands'

/**
 * `lshBands` in SQL: the index keys of a fingerprint column (a JSON array of MinHash slots) as a
 * JSON array of strings, NULL when it has fewer than `LSH_BANDS × LSH_ROWS` slots. The migration
 * `website_lsh_bands` filled older posts with this same expression (written out there); the
 * tests check that it equals what `preparePost` stores.
 */
export const lshBandsSql = (fingerprint: SQL): SQL =>
  sql`CASE WHEN jsonb_typeof(${fingerprint}) = 'array' AND jsonb_array_length(${fingerprint}) >= ${sql.raw(String(LSH_BANDS * LSH_ROWS))}
      THEN (SELECT jsonb_agg(b::text || ':' || left(md5(concat_ws('.', ${fingerprint}->>(b * 3), ${fingerprint}->>(b * 3 + 1), ${fingerprint}->>(b * 3 + 2))), 16) ORDER BY b)
            FROM generate_series(0, ${sql.raw(String(LSH_BANDS - 1))}) AS b) END`
