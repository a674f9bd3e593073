/**
 * What platform adapters implement, and what users implement to add a platform Firebreak does not
 * ship: a {@link dev.firebreak.spi.PayloadMapper} from the platform's payloads to mentions, a
 * {@link dev.firebreak.spi.WebhookHandler} that verifies and reads pushed events,
 * {@link dev.firebreak.spi.ResponseActions} for replies and moderation, and
 * {@link dev.firebreak.spi.PublishingControl} to pause scheduled content during a crisis.
 *
 * <p>Every adapter should pass the shared adapter test kit ({@code dev.firebreak.testkit.PlatformAdapterContract}
 * in {@code firebreak-core}'s test jar).
 */
package dev.firebreak.spi;
