/**
 * The one connector pattern every external service is reached through: a Camel route template instantiated per
 * logical service id, carrying circuit breaker, timeouts, retries with jittered backoff for transient faults and
 * the service's credentials. A fault leaves a connector as a classified {@link cc.chitty.connect.hub.upstream.Fault}.
 */
package cc.chitty.connect.hub.upstream;
