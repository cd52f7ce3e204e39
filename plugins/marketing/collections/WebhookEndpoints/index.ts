import type { CollectionConfig } from 'payload'
import { eventSchemasOf, MANAGER_ROLES, tenantRole, tenantScoped, withSecrets } from '@/core'
import { webhookUrlProblem } from '../../operations/webhooks/webhookUrlProblem'
import { deleteDeliveries } from './hooks/deleteDeliveries'
import { prepareEndpoint } from './hooks/prepareEndpoint'
import { resetFailuresOnEnable } from './hooks/resetFailuresOnEnable'

export const WEBHOOK_ENDPOINTS = 'webhook-endpoints'

const readOnlySystem = { create: () => false, update: () => false }

/**
 * A tenant's receiver of outbound webhooks (Standard Webhooks signatures). `eventTypes` lists the
 * event types it gets (empty or `*`: all); the signing secret is write-only and encrypted; after
 * repeated failures the endpoint is switched off (`disabledAt`).
 */
export const WebhookEndpoints = (group: string): CollectionConfig =>
  tenantScoped(
    withSecrets(
      {
        slug: WEBHOOK_ENDPOINTS,
        admin: {
          useAsTitle: 'url',
          defaultColumns: ['url', 'eventTypes', 'isEnabled', 'source', 'consecutiveFailures'],
          group,
        },
        access: {
          read: tenantRole(MANAGER_ROLES),
          create: tenantRole(MANAGER_ROLES),
          update: tenantRole(MANAGER_ROLES),
          delete: tenantRole(MANAGER_ROLES),
        },
        hooks: {
          beforeChange: [prepareEndpoint],
          afterChange: [resetFailuresOnEnable],
          beforeDelete: [deleteDeliveries],
        },
        fields: [
          {
            name: 'url',
            type: 'text',
            required: true,
            validate: (value: null | string | undefined) => webhookUrlProblem(value) ?? true,
            admin: { description: 'Where events are POSTed (https).' },
          },
          { name: 'description', type: 'textarea' },
          {
            name: 'eventTypes',
            type: 'json',
            defaultValue: [],
            validate: (value, { req }) => {
              if (value === null || value === undefined) return true
              if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
                return 'A list of event types, e.g. ["member.created"].'
              const known = new Set(Object.keys(eventSchemasOf(req.payload.config.custom)))
              const unknown = value.filter((v: string) => v !== '*' && !known.has(v))
              return unknown.length ? `Unknown event types: ${unknown.join(', ')}.` : true
            },
            admin: { description: 'Event types sent to this endpoint, e.g. ["member.created"]; empty for all.' },
          },
          { name: 'isEnabled', type: 'checkbox', defaultValue: true },
          {
            name: 'source',
            type: 'select',
            defaultValue: 'manual',
            options: ['manual', 'zapier'],
            access: { update: () => false },
            admin: { position: 'sidebar', readOnly: true },
          },
          {
            name: 'consecutiveFailures',
            type: 'number',
            defaultValue: 0,
            access: readOnlySystem,
            admin: { position: 'sidebar', readOnly: true },
          },
          {
            name: 'disabledAt',
            type: 'date',
            access: readOnlySystem,
            admin: { position: 'sidebar', readOnly: true, description: 'Switched off after repeated failures.' },
          },
          {
            name: 'previousSecretExpiresAt',
            type: 'date',
            access: readOnlySystem,
            admin: {
              position: 'sidebar',
              readOnly: true,
              description: 'After a rotation, the previous secret also signs until then.',
            },
          },
        ],
      },
      [{ name: 'signingSecret', label: 'Signing secret' }],
    ),
    { isolationFixture: () => ({ url: 'https://hooks.example.test/grid', eventTypes: [] }) },
  )
