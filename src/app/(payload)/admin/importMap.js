import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ClassTimeCell as ClassTimeCell_a1d748827c4e6be842a0899f74ff824a } from '@plugins/bookings/admin/ClassTimeCell'
import { UpcomingClassesFirst as UpcomingClassesFirst_b87102f610bc3206a70265233d1f2d2b } from '@plugins/bookings/admin/UpcomingClassesFirst'
import { CheckInLink as CheckInLink_063e254167cd0bfa75860c6c682edccc } from '@plugins/bookings/admin/CheckInLink'
import { WriteNowButton as WriteNowButton_29a496284d2bfbfc4baa844fbebf2fcf } from '@plugins/website/admin/WriteNowButton'
import { DocumentActionButton as DocumentActionButton_5dde3396c27290068629724b1d20c9c4 } from '@/core/admin/DocumentActionButton'
import { GlobalViewRedirect as GlobalViewRedirect_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { AdminNavLinks as AdminNavLinks_44012023d6134884b02d92ddf40a7d03 } from '@/core/admin/AdminNavLinks'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { TenantSelectionProvider as TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { PosView as PosView_937d7fff7354d46c08c4199111110fe5 } from '@plugins/commerce/admin/PosView'
import { CalendarView as CalendarView_a176f38bf751d7f77b81badc16869f73 } from '@plugins/bookings/admin/CalendarView'
import { CheckInView as CheckInView_53c8de0b1cd1e17a236091642c59c371 } from '@plugins/bookings/admin/CheckInView'
import { EarningsView as EarningsView_73c6cf4034c5a2f1097c59d7219552c8 } from '@plugins/lms/admin/EarningsView'
import { BayGridView as BayGridView_4836c4e66c471a3ca0b3e1b2c6b44353 } from '@plugins/facility/admin/BayGridView'
import { TrackmanImportView as TrackmanImportView_00aaaebaae0117ed520222ee9a7b9eb3 } from '@plugins/facility/admin/TrackmanImportView'
import { AutomationBuilderView as AutomationBuilderView_61076e263ec2087807062ab1f16955c2 } from '@plugins/marketing/admin/AutomationBuilder/AutomationBuilderView'
import { LeadBoardView as LeadBoardView_244ac72e6b37087a94c92668af9f97b1 } from '@plugins/marketing/admin/LeadBoard/LeadBoardView'
import { PlatformHealthWidget as PlatformHealthWidget_1573b9bb396bbdd585a9ad6251efc573 } from '@/core/admin/home/PlatformHealthWidget'
import { NewMembersWidget as NewMembersWidget_0e65f17ef5d91d618843cc283db07cc2 } from '@/core/admin/home/NewMembersWidget'
import { RevenueWidget as RevenueWidget_e4fb2a8464a1fe0c18f7d0030aac85fe } from '@plugins/billing/admin/RevenueWidget'
import { PaymentProblemsWidget as PaymentProblemsWidget_a53f545aaac8d820dbdecb6d463e61c2 } from '@plugins/billing/admin/PaymentProblemsWidget'
import { TodayWidget as TodayWidget_1da1c42640338abb0d174aae088b8e3f } from '@plugins/bookings/admin/TodayWidget'
import { MembersAtRiskWidget as MembersAtRiskWidget_250d98c3d2eb7b42e3296937ae937722 } from '@plugins/bookings/admin/MembersAtRiskWidget'
import { BaysTodayWidget as BaysTodayWidget_8951bba202d341a42d9fb9a38ea694ab } from '@plugins/facility/admin/BaysTodayWidget'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@plugins/bookings/admin/ClassTimeCell#ClassTimeCell": ClassTimeCell_a1d748827c4e6be842a0899f74ff824a,
  "@plugins/bookings/admin/UpcomingClassesFirst#UpcomingClassesFirst": UpcomingClassesFirst_b87102f610bc3206a70265233d1f2d2b,
  "@plugins/bookings/admin/CheckInLink#CheckInLink": CheckInLink_063e254167cd0bfa75860c6c682edccc,
  "@plugins/website/admin/WriteNowButton#WriteNowButton": WriteNowButton_29a496284d2bfbfc4baa844fbebf2fcf,
  "@/core/admin/DocumentActionButton#DocumentActionButton": DocumentActionButton_5dde3396c27290068629724b1d20c9c4,
  "@payloadcms/plugin-multi-tenant/rsc#GlobalViewRedirect": GlobalViewRedirect_d6d5f193a167989e2ee7d14202901e62,
  "@/core/admin/AdminNavLinks#AdminNavLinks": AdminNavLinks_44012023d6134884b02d92ddf40a7d03,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider": TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62,
  "@plugins/commerce/admin/PosView#PosView": PosView_937d7fff7354d46c08c4199111110fe5,
  "@plugins/bookings/admin/CalendarView#CalendarView": CalendarView_a176f38bf751d7f77b81badc16869f73,
  "@plugins/bookings/admin/CheckInView#CheckInView": CheckInView_53c8de0b1cd1e17a236091642c59c371,
  "@plugins/lms/admin/EarningsView#EarningsView": EarningsView_73c6cf4034c5a2f1097c59d7219552c8,
  "@plugins/facility/admin/BayGridView#BayGridView": BayGridView_4836c4e66c471a3ca0b3e1b2c6b44353,
  "@plugins/facility/admin/TrackmanImportView#TrackmanImportView": TrackmanImportView_00aaaebaae0117ed520222ee9a7b9eb3,
  "@plugins/marketing/admin/AutomationBuilder/AutomationBuilderView#AutomationBuilderView": AutomationBuilderView_61076e263ec2087807062ab1f16955c2,
  "@plugins/marketing/admin/LeadBoard/LeadBoardView#LeadBoardView": LeadBoardView_244ac72e6b37087a94c92668af9f97b1,
  "@/core/admin/home/PlatformHealthWidget#PlatformHealthWidget": PlatformHealthWidget_1573b9bb396bbdd585a9ad6251efc573,
  "@/core/admin/home/NewMembersWidget#NewMembersWidget": NewMembersWidget_0e65f17ef5d91d618843cc283db07cc2,
  "@plugins/billing/admin/RevenueWidget#RevenueWidget": RevenueWidget_e4fb2a8464a1fe0c18f7d0030aac85fe,
  "@plugins/billing/admin/PaymentProblemsWidget#PaymentProblemsWidget": PaymentProblemsWidget_a53f545aaac8d820dbdecb6d463e61c2,
  "@plugins/bookings/admin/TodayWidget#TodayWidget": TodayWidget_1da1c42640338abb0d174aae088b8e3f,
  "@plugins/bookings/admin/MembersAtRiskWidget#MembersAtRiskWidget": MembersAtRiskWidget_250d98c3d2eb7b42e3296937ae937722,
  "@plugins/facility/admin/BaysTodayWidget#BaysTodayWidget": BaysTodayWidget_8951bba202d341a42d9fb9a38ea694ab,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
