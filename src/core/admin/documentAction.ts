import type { CustomComponent } from 'payload'
import type { DocumentActionButtonProps } from './DocumentActionButton'

/** The `beforeDocumentControls` entry of a POST action on the open document (see DocumentActionButton). */
export const documentAction = (props: DocumentActionButtonProps): CustomComponent => ({
  path: '@/core/admin/DocumentActionButton#DocumentActionButton',
  clientProps: props,
})
