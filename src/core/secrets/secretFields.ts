import type { Field } from 'payload'
import { encryptSecret } from './cipher'

/**
 * A write-only secret: staff type a new value into `<name>Input` (never read back), which is
 * encrypted into the hidden `<name>` column; `<name>SetAt` tells when it was last replaced.
 * Only `getSecret` on the server decrypts it.
 */
export const secretFields = ({ name, label }: { name: string; label: string }): Field[] => [
  {
    name: `${name}Input`,
    label: `${label} (write-only)`,
    type: 'json',
    virtual: true,
    access: { read: () => false },
    admin: {
      description: 'Stored encrypted and never shown again. Leave empty to keep the current value.',
    },
    hooks: {
      beforeChange: [
        ({ value, siblingData }) => {
          if (value !== undefined && value !== null && value !== '') {
            siblingData[name] = encryptSecret(value)
            siblingData[`${name}SetAt`] = new Date().toISOString()
          }
          return undefined
        },
      ],
    },
  },
  {
    name: `${name}SetAt`,
    label: `${label} last set`,
    type: 'date',
    access: { create: () => false, update: () => false },
    admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name,
    type: 'text',
    hidden: true,
    access: { read: () => false, create: () => false, update: () => false },
  },
]
