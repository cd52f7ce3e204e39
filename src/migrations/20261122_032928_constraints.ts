import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Constraints Payload's field config cannot express: partial uniques, case-insensitive
 * uniqueness and the append-only audit log.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    -- One open consent per member and type; revoking closes it, granting again opens a new row.
    CREATE UNIQUE INDEX consents_open_per_member_type ON consents (tenant_id, member_id, type) WHERE revoked_at IS NULL;

    -- Emails are unique case-insensitively.
    CREATE UNIQUE INDEX users_email_lower_idx ON users (lower(email));

    -- Audit rows are append-only: no update (except a referenced tenant or actor being removed)
    -- and no delete unless the retention job opens the session with atrium.audit_retention = 'on'.
    CREATE FUNCTION atrium_audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF coalesce(current_setting('atrium.audit_retention', true), '') = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_logs is append-only: rows cannot be deleted' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF (to_jsonb(NEW) - 'tenant_id' - 'actor_id' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'tenant_id' - 'actor_id' - 'updated_at') THEN
        RAISE EXCEPTION 'audit_logs is append-only: rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
      FOR EACH ROW EXECUTE FUNCTION atrium_audit_logs_append_only();
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS audit_logs_append_only ON audit_logs;
    DROP FUNCTION IF EXISTS atrium_audit_logs_append_only();
    DROP INDEX IF EXISTS users_email_lower_idx;
    DROP INDEX IF EXISTS consents_open_per_member_type;
  `)
}
