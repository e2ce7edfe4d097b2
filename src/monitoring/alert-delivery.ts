import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/scoped.js';
import type { AlertKind } from '../db/schema/index.js';
import type { Logger } from '../lib/logger.js';
import type { SecretBox } from './secrets.js';
import { DeliveryFailed, postWebhook } from './webhook-target.js';

type DueAlert = {
  id: string;
  tenant_id: string;
  kind: AlertKind;
  subject_user_id: string | null;
  run_id: string | null;
  value: number;
  threshold: number;
  message: string;
  created_at: Date | string;
  delivery_attempts: number;
  alert_webhook_url: string | null;
  alert_signing_secret: string | null;
};

export type DeliveryOptions = {
  production: boolean;
  pollMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
};

/** The signature the receiver checks: `v1=` hex HMAC-SHA256 of `<timestamp>.<body>` under the tenant's secret. */
export const signWebhook = (secret: string, timestamp: number, body: string) =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * Delivers alerts to their tenants' webhooks from the durable outbox that is the alerts table
 * itself: an alert raised PENDING stays due until a delivery succeeds or its attempts run out
 * (FAILED), whichever process picks it up. An attempt holds its alert for a lease, so two processes
 * never send one at once, and a process that dies mid-attempt leaves it to be retried when the
 * lease ends. Retries back off exponentially. Nothing here is on the request path.
 */
export class AlertDelivery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly failures = { retrying: 0, given_up: 0 };

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly log: Logger,
    private readonly options: DeliveryOptions,
  ) {}

  /** Failed attempts since the process began (for /metrics): to be retried, or the last one. */
  get failedDeliveries(): Readonly<Record<'retrying' | 'given_up', number>> {
    return this.failures;
  }

  start(): void {
    const tick = () => {
      this.timer = setTimeout(() => {
        this.running = this.deliverDue()
          .catch((err: unknown) => this.log.error({ err }, 'alert delivery round failed'))
          .finally(() => {
            if (!this.stopped) tick();
          });
      }, this.options.pollMs);
      this.timer.unref();
    };
    tick();
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One round: claims what is due (up to 20), or with `only` that pending alert (its first attempt
   * even while held back from the poller), and attempts each. Returns how many were attempted.
   */
  async deliverDue(only?: string): Promise<number> {
    const leaseMs = Math.max(60_000, this.options.timeoutMs * 2);
    const due = await queryRows<DueAlert>(
      this.db,
      sql`with claimed as (
            update alerts set delivery_attempts = delivery_attempts + 1,
              next_delivery_at = now() + ${leaseMs} * interval '1 millisecond'
            where id in (
              select id from alerts
              where delivery_status = 'PENDING' and ${
                only
                  ? sql`id = ${only} and (delivery_attempts = 0 or next_delivery_at <= now())`
                  : sql`next_delivery_at <= now()`
              }
              order by next_delivery_at limit 20 for update skip locked)
            returning *)
          select c.*, t.alert_webhook_url, t.alert_signing_secret
          from claimed c join tenants t on t.id = c.tenant_id`,
    );
    await Promise.all(due.map((a) => this.attempt(a)));
    return due.length;
  }

  private async attempt(a: DueAlert): Promise<void> {
    let error: string;
    try {
      if (!a.alert_webhook_url || !a.alert_signing_secret)
        throw new DeliveryFailed('the tenant has no webhook URL or signing secret');
      const body = JSON.stringify({
        id: a.id,
        type: a.kind === 'TEST' ? 'alert.test' : 'alert',
        kind: a.kind,
        tenantId: a.tenant_id,
        subjectUserId: a.subject_user_id,
        runId: a.run_id,
        value: a.value,
        threshold: a.threshold,
        message: a.message,
        createdAt: new Date(a.created_at).toISOString(),
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const status = await postWebhook(
        a.alert_webhook_url,
        {
          'user-agent': 'Governor-Alerts/1',
          'x-governor-alert-id': a.id,
          'x-governor-timestamp': String(timestamp),
          'x-governor-signature': signWebhook(this.box.open(a.alert_signing_secret), timestamp, body),
        },
        body,
        this.options,
      );
      if (status >= 200 && status < 300) {
        // Only the attempt that holds the lease records its end (a late one from a lapsed lease does not).
        await this.db.execute(sql`update alerts set delivery_status = 'DELIVERED', delivered_at = now(),
          delivery_error = null, next_delivery_at = null
          where id = ${a.id} and delivery_attempts = ${a.delivery_attempts}`);
        this.log.info({ tenantId: a.tenant_id, alertId: a.id, attempts: a.delivery_attempts }, 'alert delivered');
        return;
      }
      error = `the webhook answered HTTP ${status}`;
    } catch (err) {
      error = err instanceof DeliveryFailed ? err.message : 'the webhook could not be reached';
      if (!(err instanceof DeliveryFailed)) this.log.warn({ err, alertId: a.id }, 'alert delivery error');
    }
    const last = a.delivery_attempts >= this.options.maxAttempts;
    this.failures[last ? 'given_up' : 'retrying']++;
    const delayMs = this.options.retryBaseMs * 2 ** (a.delivery_attempts - 1);
    await this.db.execute(sql`update alerts set delivery_error = ${error},
      delivery_status = ${last ? 'FAILED' : 'PENDING'},
      next_delivery_at = ${last ? null : sql`now() + ${delayMs} * interval '1 millisecond'`}
      where id = ${a.id} and delivery_attempts = ${a.delivery_attempts} and delivery_status = 'PENDING'`);
    this.log.warn(
      { tenantId: a.tenant_id, alertId: a.id, attempts: a.delivery_attempts, error, givenUp: last },
      last ? 'alert delivery given up' : 'alert delivery failed; will retry',
    );
  }
}
