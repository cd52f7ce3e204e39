import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, nobody, tenantRole, tenantScoped } from '@/core'
import { normaliseAddress } from '../../operations/suppression/suppressions'

const normalise: CollectionBeforeValidateHook = ({ data }) =>
  data && typeof data.address === 'string' && (data.channel === 'email' || data.channel === 'sms')
    ? { ...data, address: normaliseAddress(data.channel, data.address) }
    : data

/**
 * Addresses of a tenant that get no message at all (marketing or transactional): written by the
 * delivery reports (hard bounce, complaint, SMS opt-out or unreachable number) or by managers,
 * lifted by a manager deleting the row (or, for SMS, the member texting START).
 */
export const Suppressions = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'suppressions',
      admin: { useAsTitle: 'address', defaultColumns: ['address', 'channel', 'reason', 'createdAt'], group },
      access: {
        read: tenantRole(STAFF_ROLES),
        create: tenantRole(MANAGER_ROLES),
        update: nobody,
        delete: tenantRole(MANAGER_ROLES),
      },
      hooks: { beforeValidate: [normalise] },
      indexes: [{ fields: ['tenant', 'channel', 'address'], unique: true }],
      fields: [
        { name: 'channel', type: 'select', required: true, options: ['email', 'sms'] },
        {
          name: 'address',
          type: 'text',
          required: true,
          admin: { description: 'E-mail (lower case) or phone number (E.164, +digits).' },
        },
        {
          name: 'reason',
          type: 'select',
          required: true,
          defaultValue: 'manual',
          options: ['hard_bounce', 'complaint', 'sms_opt_out', 'sms_undeliverable', 'manual'],
        },
        { name: 'detail', type: 'text', admin: { description: 'The provider’s bounce reason or error code.' } },
        { name: 'messageLog', type: 'relationship', relationTo: 'message-logs' },
      ],
    },
    {
      isolationFixture: async () => ({
        channel: 'email',
        address: `grid-${crypto.randomUUID()}@example.test`,
        reason: 'manual',
      }),
    },
  )
