import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Billing invariants the field config cannot express: one live subscription per member and plan,
 * Stripe ids unique when set, invoice numbers from a sequence, usage and amounts never negative,
 * and one subscription grant per (subscription, period, source) in commerce's credit lots.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE UNIQUE INDEX subscriptions_stripe_subscription_id_unique ON subscriptions (stripe_subscription_id) WHERE stripe_subscription_id IS NOT NULL;
    CREATE UNIQUE INDEX subscriptions_one_live_per_member_plan ON subscriptions (member_id, plan_id)
      WHERE status IN ('incomplete', 'trialing', 'active', 'past_due', 'paused');
    CREATE UNIQUE INDEX membership_plans_prices_stripe_price_id_unique ON membership_plans_prices (stripe_price_id) WHERE stripe_price_id IS NOT NULL;
    ALTER TABLE membership_plans_prices ADD CONSTRAINT membership_plans_prices_amount_nonnegative CHECK (amount >= 0 AND interval_count >= 1);

    CREATE SEQUENCE IF NOT EXISTS billing_invoice_number_seq;
    CREATE UNIQUE INDEX invoices_stripe_invoice_id_unique ON invoices (stripe_invoice_id) WHERE stripe_invoice_id IS NOT NULL;
    ALTER TABLE invoices ADD CONSTRAINT invoices_amount_nonnegative CHECK (amount_amount >= 0);

    ALTER TABLE usage_records ADD CONSTRAINT usage_records_quantity_nonnegative CHECK (quantity >= 0);

    CREATE UNIQUE INDEX credit_lots_subscription_period_once ON credit_lots (tenant_id, subscription, period_key, source)
      WHERE subscription IS NOT NULL AND period_key IS NOT NULL;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS credit_lots_subscription_period_once;
    ALTER TABLE usage_records DROP CONSTRAINT IF EXISTS usage_records_quantity_nonnegative;
    ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_amount_nonnegative;
    DROP INDEX IF EXISTS invoices_stripe_invoice_id_unique;
    DROP SEQUENCE IF EXISTS billing_invoice_number_seq;
    ALTER TABLE membership_plans_prices DROP CONSTRAINT IF EXISTS membership_plans_prices_amount_nonnegative;
    DROP INDEX IF EXISTS membership_plans_prices_stripe_price_id_unique;
    DROP INDEX IF EXISTS subscriptions_one_live_per_member_plan;
    DROP INDEX IF EXISTS subscriptions_stripe_subscription_id_unique;
  `)
}
