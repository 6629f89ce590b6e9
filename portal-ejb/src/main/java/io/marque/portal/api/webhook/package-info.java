/**
 * Webhooks: the reseller's endpoints ({@link io.marque.portal.api.webhook.WebhookEndpoint}, the aggregate
 * root) and the outbox of deliveries to them. An event is written as one
 * {@link io.marque.portal.api.webhook.WebhookDelivery} per subscribed endpoint in the transaction of the
 * change it reports ({@link io.marque.portal.api.webhook.WebhookPublisher}), so nothing is lost and
 * nothing is sent for a change that rolled back; {@link io.marque.portal.api.webhook.WebhookDispatcher}
 * then POSTs each one, signed ({@link io.marque.portal.api.webhook.WebhookSignature}), retried on the
 * {@link io.marque.portal.api.webhook.RetrySchedule}, to addresses {@link io.marque.portal.api.webhook.WebhookTarget}
 * allows.
 */
package io.marque.portal.api.webhook;
