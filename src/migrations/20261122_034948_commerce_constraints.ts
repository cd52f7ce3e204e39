import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Billing and commerce invariants the field config cannot express: balances, stock and counters
 * that never go negative or past their limits, order arithmetic, and idempotent credit spends.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE payments ADD CONSTRAINT payments_amount_nonnegative CHECK (amount_amount >= 0);
    ALTER TABLE payments ADD CONSTRAINT payments_refunded_within_amount CHECK (amount_refunded >= 0 AND amount_refunded <= amount_amount);
    CREATE UNIQUE INDEX payments_provider_ref_unique ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;

    ALTER TABLE products ADD CONSTRAINT products_stock_nonnegative CHECK (stock_quantity IS NULL OR stock_quantity >= 0);
    ALTER TABLE products ADD CONSTRAINT products_price_nonnegative CHECK (price_amount >= 0);
    ALTER TABLE products ADD CONSTRAINT products_pack_has_credits CHECK (kind <> 'credit_pack' OR pack_credits > 0);
    CREATE UNIQUE INDEX products_cafe_category_name_unique ON products (tenant_id, category, name) WHERE kind = 'cafe' AND deleted_at IS NULL;

    ALTER TABLE orders ADD CONSTRAINT orders_amounts_nonnegative CHECK (subtotal >= 0 AND discount_total >= 0 AND gift_card_applied >= 0 AND tax >= 0 AND total >= 0 AND amount_refunded >= 0);
    ALTER TABLE orders ADD CONSTRAINT orders_total_formula CHECK (total = subtotal - discount_total - gift_card_applied + tax);
    ALTER TABLE orders ADD CONSTRAINT orders_discount_within_subtotal CHECK (discount_total <= subtotal);
    ALTER TABLE orders ADD CONSTRAINT orders_refund_within_total CHECK (amount_refunded <= total);
    CREATE UNIQUE INDEX orders_stripe_payment_intent_unique ON orders (stripe_payment_intent_id) WHERE stripe_payment_intent_id IS NOT NULL;
    ALTER TABLE orders_lines ADD CONSTRAINT orders_lines_total_formula CHECK (total = unit_price * quantity AND discount >= 0 AND discount <= total);

    ALTER TABLE gift_cards ADD CONSTRAINT gift_cards_balance_nonnegative CHECK (current_balance >= 0 AND initial_balance >= 0);
    ALTER TABLE gift_card_transactions ADD CONSTRAINT gift_card_transactions_balance_nonnegative CHECK (balance_after >= 0);

    ALTER TABLE coupons ADD CONSTRAINT coupons_uses_within_max CHECK (uses_count >= 0 AND (max_uses IS NULL OR uses_count <= max_uses));
    ALTER TABLE coupons ADD CONSTRAINT coupons_value_range CHECK (value >= 0 AND (type <> 'percent' OR value <= 100));
    ALTER TABLE coupon_redemptions ADD CONSTRAINT coupon_redemptions_amount_nonnegative CHECK (amount_discounted >= 0);

    ALTER TABLE credit_lots ADD CONSTRAINT credit_lots_remaining_range CHECK (remaining_credits >= 0 AND remaining_credits <= initial_credits);
    ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_balance_nonnegative CHECK (balance_after >= 0);
    -- A booking spends from a lot once and gets it back once (idempotent debit and refund).
    CREATE UNIQUE INDEX credit_ledger_ref_once ON credit_ledger (tenant_id, ref_collection, ref_id, lot_id, type)
      WHERE type IN ('spent_booking', 'refund') AND ref_id IS NOT NULL;
    CREATE INDEX credit_lots_spendable_idx ON credit_lots (tenant_id, member_id, credit_type, expires_at) WHERE remaining_credits > 0;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS credit_lots_spendable_idx;
    DROP INDEX IF EXISTS credit_ledger_ref_once;
    ALTER TABLE credit_ledger DROP CONSTRAINT IF EXISTS credit_ledger_balance_nonnegative;
    ALTER TABLE credit_lots DROP CONSTRAINT IF EXISTS credit_lots_remaining_range;
    ALTER TABLE coupon_redemptions DROP CONSTRAINT IF EXISTS coupon_redemptions_amount_nonnegative;
    ALTER TABLE coupons DROP CONSTRAINT IF EXISTS coupons_value_range;
    ALTER TABLE coupons DROP CONSTRAINT IF EXISTS coupons_uses_within_max;
    ALTER TABLE gift_card_transactions DROP CONSTRAINT IF EXISTS gift_card_transactions_balance_nonnegative;
    ALTER TABLE gift_cards DROP CONSTRAINT IF EXISTS gift_cards_balance_nonnegative;
    ALTER TABLE orders_lines DROP CONSTRAINT IF EXISTS orders_lines_total_formula;
    DROP INDEX IF EXISTS orders_stripe_payment_intent_unique;
    ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_refund_within_total;
    ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_discount_within_subtotal;
    ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_formula;
    ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_amounts_nonnegative;
    DROP INDEX IF EXISTS products_cafe_category_name_unique;
    ALTER TABLE products DROP CONSTRAINT IF EXISTS products_pack_has_credits;
    ALTER TABLE products DROP CONSTRAINT IF EXISTS products_price_nonnegative;
    ALTER TABLE products DROP CONSTRAINT IF EXISTS products_stock_nonnegative;
    DROP INDEX IF EXISTS payments_provider_ref_unique;
    ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_refunded_within_amount;
    ALTER TABLE payments DROP CONSTRAINT IF EXISTS payments_amount_nonnegative;
  `)
}
