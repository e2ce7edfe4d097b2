export {
  openBillingPortal,
  saveBilling,
  setPlanStripePrice,
  startUpgrade,
  type StartUpgradeResult,
} from './commands.js';
export { HANDLED_EVENTS, WebhookRefused, type Billing, type BillingEvent, type SubscriptionState } from './provider.js';
export { behindOnPayments, effectivePlan, effectivePlanId, refuseSuspended } from './state.js';
export { stripeBilling } from './stripe.js';
export { handleStripeWebhook, type WebhookAnswer } from './webhook.js';
