import * as migration_20261122_031741_initial from './20261122_031741_initial';
import * as migration_20261122_032928_constraints from './20261122_032928_constraints';
import * as migration_20261122_033241_jobs_schedules from './20261122_033241_jobs_schedules';
import * as migration_20261122_034936_commerce from './20261122_034936_commerce';
import * as migration_20261122_034948_commerce_constraints from './20261122_034948_commerce_constraints';
import * as migration_20261122_035017_bookings from './20261122_035017_bookings';
import * as migration_20261122_035039_bookings_constraints from './20261122_035039_bookings_constraints';
import * as migration_20261122_053358_bookings_appointments_events from './20261122_053358_bookings_appointments_events';
import * as migration_20261122_053436_bookings_appointments_events_constraints from './20261122_053436_bookings_appointments_events_constraints';
import * as migration_20261122_053514_billing_plans_subscriptions from './20261122_053514_billing_plans_subscriptions';
import * as migration_20261122_053535_billing_plans_subscriptions_constraints from './20261122_053535_billing_plans_subscriptions_constraints';
import * as migration_20261122_053726_billing_stripe from './20261122_053726_billing_stripe';
import * as migration_20261122_060520_bookings_claim_window from './20261122_060520_bookings_claim_window';
import * as migration_20261122_062107_bookings_rooms from './20261122_062107_bookings_rooms';
import * as migration_20261122_084654_bookings_attendance_groups_guests from './20261122_084654_bookings_attendance_groups_guests';
import * as migration_20261122_084732_bookings_attendance_groups_guests_constraints from './20261122_084732_bookings_attendance_groups_guests_constraints';
import * as migration_20261122_091017_bookings_public_guest_booking from './20261122_091017_bookings_public_guest_booking';
import * as migration_20261122_091719_billing_pause_until from './20261122_091719_billing_pause_until';
import * as migration_20261122_092333_commerce_tax_automatic_discounts from './20261122_092333_commerce_tax_automatic_discounts';
import * as migration_20261205_233442_bookings_guest_rsvps from './20261205_233442_bookings_guest_rsvps';
import * as migration_20261205_233631_billing_stripe_gaps from './20261205_233631_billing_stripe_gaps';
import * as migration_20261205_233955_commerce_order_holds from './20261205_233955_commerce_order_holds';
import * as migration_20261205_234211_bookings_guest_confirmation_task from './20261205_234211_bookings_guest_confirmation_task';
import * as migration_20261205_235034_core_integration_restricted from './20261205_235034_core_integration_restricted';
import * as migration_20261205_235450_bookings_waitlist_notice_task from './20261205_235450_bookings_waitlist_notice_task';
import * as migration_20261206_110616_lms from './20261206_110616_lms';
import * as migration_20261206_111920_media_video from './20261206_111920_media_video';
import * as migration_20261206_144706_facility from './20261206_144706_facility';
import * as migration_20261206_151506_facility_trackman from './20261206_151506_facility_trackman';
import * as migration_20261206_154038_lms_quizzes from './20261206_154038_lms_quizzes';
import * as migration_20261206_173539_lms_assignments from './20261206_173539_lms_assignments';
import * as migration_20261206_181421_website from './20261206_181421_website';
import * as migration_20261206_205804_marketing_crm from './20261206_205804_marketing_crm';
import * as migration_20261206_210044_marketing_automations from './20261206_210044_marketing_automations';
import * as migration_20261206_210045_marketing_webhooks from './20261206_210045_marketing_webhooks';
import * as migration_20261207_003221_marketing_push from './20261207_003221_marketing_push';
import * as migration_20261207_003255_marketing_abtest from './20261207_003255_marketing_abtest';
import * as migration_20261207_003342_marketing_mailchimp_suppression from './20261207_003342_marketing_mailchimp_suppression';
import * as migration_20261207_004205_marketing_hubspot from './20261207_004205_marketing_hubspot';
import * as migration_20261207_035327_marketing_triggers_tracking from './20261207_035327_marketing_triggers_tracking';
import * as migration_20261207_035653_website_gbp from './20261207_035653_website_gbp';
import * as migration_20261207_040110_website_pages from './20261207_040110_website_pages';
import * as migration_20261207_042334_lms_access_sources from './20261207_042334_lms_access_sources';
import * as migration_20261207_042732_facility_commerce from './20261207_042732_facility_commerce';
import * as migration_20261207_044737_marketing_more_triggers from './20261207_044737_marketing_more_triggers';
import * as migration_20261207_075133_marketing_lead_recipients from './20261207_075133_marketing_lead_recipients';
import * as migration_20261207_075151_lms_email_verification from './20261207_075151_lms_email_verification';
import * as migration_20261207_075531_facility_rooms_expiry from './20261207_075531_facility_rooms_expiry';
import * as migration_20261207_075711_lms_live_lessons from './20261207_075711_lms_live_lessons';
import * as migration_20261207_080451_website_offers from './20261207_080451_website_offers';
import * as migration_20261207_085616_marketing_class_no_show from './20261207_085616_marketing_class_no_show';
import * as migration_20261207_111921_website_lsh_bands from './20261207_111921_website_lsh_bands';
import * as migration_20261207_112006_lms_assignment_files from './20261207_112006_lms_assignment_files';
import * as migration_20261207_112103_facility_trackman_import from './20261207_112103_facility_trackman_import';
import * as migration_20261207_112206_lms_payouts from './20261207_112206_lms_payouts';
import * as migration_20261207_112317_marketing_lead_ab_erasure from './20261207_112317_marketing_lead_ab_erasure';
import * as migration_20261207_120257_marketing_abandoned_booking from './20261207_120257_marketing_abandoned_booking';

export const migrations = [
  {
    up: migration_20261122_031741_initial.up,
    down: migration_20261122_031741_initial.down,
    name: '20261122_031741_initial',
  },
  {
    up: migration_20261122_032928_constraints.up,
    down: migration_20261122_032928_constraints.down,
    name: '20261122_032928_constraints',
  },
  {
    up: migration_20261122_033241_jobs_schedules.up,
    down: migration_20261122_033241_jobs_schedules.down,
    name: '20261122_033241_jobs_schedules',
  },
  {
    up: migration_20261122_034936_commerce.up,
    down: migration_20261122_034936_commerce.down,
    name: '20261122_034936_commerce',
  },
  {
    up: migration_20261122_034948_commerce_constraints.up,
    down: migration_20261122_034948_commerce_constraints.down,
    name: '20261122_034948_commerce_constraints',
  },
  {
    up: migration_20261122_035017_bookings.up,
    down: migration_20261122_035017_bookings.down,
    name: '20261122_035017_bookings',
  },
  {
    up: migration_20261122_035039_bookings_constraints.up,
    down: migration_20261122_035039_bookings_constraints.down,
    name: '20261122_035039_bookings_constraints',
  },
  {
    up: migration_20261122_053358_bookings_appointments_events.up,
    down: migration_20261122_053358_bookings_appointments_events.down,
    name: '20261122_053358_bookings_appointments_events',
  },
  {
    up: migration_20261122_053436_bookings_appointments_events_constraints.up,
    down: migration_20261122_053436_bookings_appointments_events_constraints.down,
    name: '20261122_053436_bookings_appointments_events_constraints',
  },
  {
    up: migration_20261122_053514_billing_plans_subscriptions.up,
    down: migration_20261122_053514_billing_plans_subscriptions.down,
    name: '20261122_053514_billing_plans_subscriptions',
  },
  {
    up: migration_20261122_053535_billing_plans_subscriptions_constraints.up,
    down: migration_20261122_053535_billing_plans_subscriptions_constraints.down,
    name: '20261122_053535_billing_plans_subscriptions_constraints',
  },
  {
    up: migration_20261122_053726_billing_stripe.up,
    down: migration_20261122_053726_billing_stripe.down,
    name: '20261122_053726_billing_stripe',
  },
  {
    up: migration_20261122_060520_bookings_claim_window.up,
    down: migration_20261122_060520_bookings_claim_window.down,
    name: '20261122_060520_bookings_claim_window',
  },
  {
    up: migration_20261122_062107_bookings_rooms.up,
    down: migration_20261122_062107_bookings_rooms.down,
    name: '20261122_062107_bookings_rooms',
  },
  {
    up: migration_20261122_084654_bookings_attendance_groups_guests.up,
    down: migration_20261122_084654_bookings_attendance_groups_guests.down,
    name: '20261122_084654_bookings_attendance_groups_guests',
  },
  {
    up: migration_20261122_084732_bookings_attendance_groups_guests_constraints.up,
    down: migration_20261122_084732_bookings_attendance_groups_guests_constraints.down,
    name: '20261122_084732_bookings_attendance_groups_guests_constraints',
  },
  {
    up: migration_20261122_091017_bookings_public_guest_booking.up,
    down: migration_20261122_091017_bookings_public_guest_booking.down,
    name: '20261122_091017_bookings_public_guest_booking',
  },
  {
    up: migration_20261122_091719_billing_pause_until.up,
    down: migration_20261122_091719_billing_pause_until.down,
    name: '20261122_091719_billing_pause_until',
  },
  {
    up: migration_20261122_092333_commerce_tax_automatic_discounts.up,
    down: migration_20261122_092333_commerce_tax_automatic_discounts.down,
    name: '20261122_092333_commerce_tax_automatic_discounts',
  },
  {
    up: migration_20261205_233442_bookings_guest_rsvps.up,
    down: migration_20261205_233442_bookings_guest_rsvps.down,
    name: '20261205_233442_bookings_guest_rsvps',
  },
  {
    up: migration_20261205_233631_billing_stripe_gaps.up,
    down: migration_20261205_233631_billing_stripe_gaps.down,
    name: '20261205_233631_billing_stripe_gaps',
  },
  {
    up: migration_20261205_233955_commerce_order_holds.up,
    down: migration_20261205_233955_commerce_order_holds.down,
    name: '20261205_233955_commerce_order_holds',
  },
  {
    up: migration_20261205_234211_bookings_guest_confirmation_task.up,
    down: migration_20261205_234211_bookings_guest_confirmation_task.down,
    name: '20261205_234211_bookings_guest_confirmation_task',
  },
  {
    up: migration_20261205_235034_core_integration_restricted.up,
    down: migration_20261205_235034_core_integration_restricted.down,
    name: '20261205_235034_core_integration_restricted',
  },
  {
    up: migration_20261205_235450_bookings_waitlist_notice_task.up,
    down: migration_20261205_235450_bookings_waitlist_notice_task.down,
    name: '20261205_235450_bookings_waitlist_notice_task',
  },
  {
    up: migration_20261206_110616_lms.up,
    down: migration_20261206_110616_lms.down,
    name: '20261206_110616_lms',
  },
  {
    up: migration_20261206_111920_media_video.up,
    down: migration_20261206_111920_media_video.down,
    name: '20261206_111920_media_video',
  },
  {
    up: migration_20261206_144706_facility.up,
    down: migration_20261206_144706_facility.down,
    name: '20261206_144706_facility',
  },
  {
    up: migration_20261206_151506_facility_trackman.up,
    down: migration_20261206_151506_facility_trackman.down,
    name: '20261206_151506_facility_trackman',
  },
  {
    up: migration_20261206_154038_lms_quizzes.up,
    down: migration_20261206_154038_lms_quizzes.down,
    name: '20261206_154038_lms_quizzes',
  },
  {
    up: migration_20261206_173539_lms_assignments.up,
    down: migration_20261206_173539_lms_assignments.down,
    name: '20261206_173539_lms_assignments',
  },
  {
    up: migration_20261206_181421_website.up,
    down: migration_20261206_181421_website.down,
    name: '20261206_181421_website',
  },
  {
    up: migration_20261206_205804_marketing_crm.up,
    down: migration_20261206_205804_marketing_crm.down,
    name: '20261206_205804_marketing_crm',
  },
  {
    up: migration_20261206_210044_marketing_automations.up,
    down: migration_20261206_210044_marketing_automations.down,
    name: '20261206_210044_marketing_automations',
  },
  {
    up: migration_20261206_210045_marketing_webhooks.up,
    down: migration_20261206_210045_marketing_webhooks.down,
    name: '20261206_210045_marketing_webhooks',
  },
  {
    up: migration_20261207_003221_marketing_push.up,
    down: migration_20261207_003221_marketing_push.down,
    name: '20261207_003221_marketing_push',
  },
  {
    up: migration_20261207_003255_marketing_abtest.up,
    down: migration_20261207_003255_marketing_abtest.down,
    name: '20261207_003255_marketing_abtest',
  },
  {
    up: migration_20261207_003342_marketing_mailchimp_suppression.up,
    down: migration_20261207_003342_marketing_mailchimp_suppression.down,
    name: '20261207_003342_marketing_mailchimp_suppression',
  },
  {
    up: migration_20261207_004205_marketing_hubspot.up,
    down: migration_20261207_004205_marketing_hubspot.down,
    name: '20261207_004205_marketing_hubspot',
  },
  {
    up: migration_20261207_035327_marketing_triggers_tracking.up,
    down: migration_20261207_035327_marketing_triggers_tracking.down,
    name: '20261207_035327_marketing_triggers_tracking',
  },
  {
    up: migration_20261207_035653_website_gbp.up,
    down: migration_20261207_035653_website_gbp.down,
    name: '20261207_035653_website_gbp',
  },
  {
    up: migration_20261207_040110_website_pages.up,
    down: migration_20261207_040110_website_pages.down,
    name: '20261207_040110_website_pages',
  },
  {
    up: migration_20261207_042334_lms_access_sources.up,
    down: migration_20261207_042334_lms_access_sources.down,
    name: '20261207_042334_lms_access_sources',
  },
  {
    up: migration_20261207_042732_facility_commerce.up,
    down: migration_20261207_042732_facility_commerce.down,
    name: '20261207_042732_facility_commerce',
  },
  {
    up: migration_20261207_044737_marketing_more_triggers.up,
    down: migration_20261207_044737_marketing_more_triggers.down,
    name: '20261207_044737_marketing_more_triggers',
  },
  {
    up: migration_20261207_075133_marketing_lead_recipients.up,
    down: migration_20261207_075133_marketing_lead_recipients.down,
    name: '20261207_075133_marketing_lead_recipients',
  },
  {
    up: migration_20261207_075151_lms_email_verification.up,
    down: migration_20261207_075151_lms_email_verification.down,
    name: '20261207_075151_lms_email_verification',
  },
  {
    up: migration_20261207_075531_facility_rooms_expiry.up,
    down: migration_20261207_075531_facility_rooms_expiry.down,
    name: '20261207_075531_facility_rooms_expiry',
  },
  {
    up: migration_20261207_075711_lms_live_lessons.up,
    down: migration_20261207_075711_lms_live_lessons.down,
    name: '20261207_075711_lms_live_lessons',
  },
  {
    up: migration_20261207_080451_website_offers.up,
    down: migration_20261207_080451_website_offers.down,
    name: '20261207_080451_website_offers',
  },
  {
    up: migration_20261207_085616_marketing_class_no_show.up,
    down: migration_20261207_085616_marketing_class_no_show.down,
    name: '20261207_085616_marketing_class_no_show',
  },
  {
    up: migration_20261207_111921_website_lsh_bands.up,
    down: migration_20261207_111921_website_lsh_bands.down,
    name: '20261207_111921_website_lsh_bands',
  },
  {
    up: migration_20261207_112006_lms_assignment_files.up,
    down: migration_20261207_112006_lms_assignment_files.down,
    name: '20261207_112006_lms_assignment_files',
  },
  {
    up: migration_20261207_112103_facility_trackman_import.up,
    down: migration_20261207_112103_facility_trackman_import.down,
    name: '20261207_112103_facility_trackman_import',
  },
  {
    up: migration_20261207_112206_lms_payouts.up,
    down: migration_20261207_112206_lms_payouts.down,
    name: '20261207_112206_lms_payouts',
  },
  {
    up: migration_20261207_112317_marketing_lead_ab_erasure.up,
    down: migration_20261207_112317_marketing_lead_ab_erasure.down,
    name: '20261207_112317_marketing_lead_ab_erasure',
  },
  {
    up: migration_20261207_120257_marketing_abandoned_booking.up,
    down: migration_20261207_120257_marketing_abandoned_booking.down,
    name: '20261207_120257_marketing_abandoned_booking'
  },
];
