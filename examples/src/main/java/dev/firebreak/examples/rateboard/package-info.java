/**
 * A complete custom adapter, the model to copy when you add a platform Firebreak does not ship: Rateboard,
 * an invented review site (there is no such service; its formats are made up, in the style of real review
 * APIs). Five small classes, all the platform's quirks in them, nothing else to change in Firebreak:
 *
 * <ul>
 *   <li>{@link dev.firebreak.examples.rateboard.RateboardConfig}: immutable settings with a builder; the
 *       credentials never show in {@code toString()};</li>
 *   <li>{@link dev.firebreak.examples.rateboard.RateboardMapper}: the {@link dev.firebreak.spi.PayloadMapper}
 *       from Rateboard's JSON to {@link dev.firebreak.mention.Mention}s, unreadable items rejected one by one;</li>
 *   <li>{@link dev.firebreak.examples.rateboard.RateboardWebhookHandler}: the
 *       {@link dev.firebreak.spi.WebhookHandler}: handshake, HMAC signature with a timestamp, then the mapper;</li>
 *   <li>{@link dev.firebreak.examples.rateboard.RateboardClient} over
 *       {@link dev.firebreak.examples.rateboard.RateboardHttp}: polling with paging, retries and typed errors
 *       ({@link dev.firebreak.examples.rateboard.RateboardException}), over an HTTP interface of one method
 *       that tests replace.</li>
 * </ul>
 *
 * Its tests ({@code RateboardAdapterContractTest}) extend {@code dev.firebreak.testkit.PlatformAdapterContract}
 * from {@code firebreak-core}'s test jar, so the shared contract (fixtures, unknown fields, error bodies,
 * malformed input, hostile text, signatures, secrets) runs against it. {@link dev.firebreak.examples.CustomAdapterDemo}
 * runs it end to end against a local stand-in for the API.
 *
 * <h2>The platform's formats</h2>
 *
 * <b>Reviews</b>: {@code GET /v1/businesses/{business_id}/reviews?limit=50&updated_since=<ISO-8601>&cursor=<c>}
 * with {@code Authorization: Bearer <api key>}; reviews come oldest change first:
 * <pre>
 * {"data": [{"id": "rv_1003", "business_id": "kestrel-soho",
 *            "author": {"id": "u_1932", "name": "Maya L.", "username": "mayal", "followers": 310,
 *                       "verified": false, "is_business": false},
 *            "rating": 1, "title": "Charged twice", "text": "...", "language": "en",
 *            "created_at": "2026-03-03T18:02:00Z", "updated_at": "2026-03-03T18:02:00Z",
 *            "url": "https://rateboard.example/r/rv_1003", "helpful_count": 9,
 *            "status": "published|hidden|removed",
 *            "replies": [{"id": "rp_1901", "author": {..., "is_business": true}, "text": "...",
 *                         "created_at": "..."}]}],
 *  "paging": {"next_cursor": "c2", "has_more": true}}
 * </pre>
 * {@code GET /v1/reviews/{id}} answers {@code {"data": {review}}}. Errors are any non-2xx status with
 * {@code {"error": {"code": "unauthorized|forbidden|not_found|rate_limited|invalid_request|internal",
 * "message": "..."}}}; a 429 carries {@code Retry-After} in seconds.
 *
 * <p><b>Webhooks</b>: a POST of {@code {"delivery_id": "...", "events": [{"id", "type", "created_at", "data"}]}}
 * with up to 100 events of type {@code review.created}, {@code review.updated}, {@code review.hidden},
 * {@code review.deleted} (data: the review), {@code reply.created} (data: the reply with its
 * {@code review_id}), {@code ping} and {@code business.updated} (no content). Every request carries
 * {@code Rateboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. On registration
 * Rateboard sends {@code GET ?challenge=<random>}, signed over {@code t + "." + challenge}, and expects
 * {@code {"challenge": "<random>"}} back.
 */
package dev.firebreak.examples.rateboard;
