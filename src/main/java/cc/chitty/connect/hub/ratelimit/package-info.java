/**
 * Per-client token buckets (Bucket4j) with the original's tiers, per-key overrides, rate-limit headers on every
 * limited response and 429 problem+json past the limit; in memory for one instance, in PostgreSQL for several.
 */
package cc.chitty.connect.hub.ratelimit;
