/**
 * Notifications to other systems: webhooks an administrator configures (SMS and messaging
 * gateways), an outbox in PostgreSQL written with the change that caused it, and delivery
 * with retries until the receiver accepts, safe on many nodes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "hazard", "identity", "shared" })
package cn.hxay.notification;
