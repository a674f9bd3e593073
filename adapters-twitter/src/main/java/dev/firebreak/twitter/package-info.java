/**
 * The X (Twitter) adapter: X API v2 in, replies and moderation out, verified webhooks.
 *
 * <ul>
 *   <li>{@link dev.firebreak.twitter.TwitterConfig}: host, credentials (redacted in {@code toString()}),
 *       timeouts, page sizes and fields;</li>
 *   <li>{@link dev.firebreak.twitter.TwitterMapper}: every X payload shape to mentions (the
 *       {@link dev.firebreak.spi.PayloadMapper} behind {@code firebreak ingest twitter});</li>
 *   <li>{@link dev.firebreak.twitter.TwitterClient} and {@link dev.firebreak.twitter.TwitterPoller}:
 *       recent search and mention timeline with {@code since_id}, {@code next_token} and rate limits;</li>
 *   <li>{@link dev.firebreak.twitter.TwitterStream}: the filtered stream, on the caller's thread;</li>
 *   <li>{@link dev.firebreak.twitter.TwitterWebhookHandler}: CRC and signature checks;</li>
 *   <li>{@link dev.firebreak.twitter.TwitterActions}: reply, post, hide a reply;</li>
 *   <li>{@link dev.firebreak.twitter.LocalScheduledPostQueue}: scheduled posts that a crisis can pause,
 *       since X has no scheduling API.</li>
 * </ul>
 *
 * <p>HTTP goes through {@link dev.firebreak.twitter.HttpTransport} (the JDK's client by default), and
 * waits through {@link dev.firebreak.twitter.Sleeper}, both replaceable on the builders.
 */
package dev.firebreak.twitter;
