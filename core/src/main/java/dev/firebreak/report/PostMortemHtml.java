package dev.firebreak.report;

import dev.firebreak.audit.AuditRecord;
import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Post-mortems as one self-contained HTML page: inline CSS, an inline SVG chart per incident, no script,
 * font, image or link to anything outside, and well-formed XHTML (it parses as XML). The chart shows the
 * mentions per bucket (bars), their negative share (line, right axis), the severity over time (background
 * bands) and markers for escalations, acknowledgements and public responses. Stateless.
 */
public final class PostMortemHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final int WIDTH = 920;
    static final int HEIGHT = 300;
    private static final int LEFT = 52;
    private static final int RIGHT = 52;
    private static final int TOP = 26;
    private static final int BOTTOM = 42;

    private static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
            + "margin:24px auto;max-width:1000px;color:#1d2733;background:#fbfbfd;line-height:1.4}"
            + "h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 6px;border-top:2px solid #d8dde6;"
            + "padding-top:14px}h3{font-size:15px;margin:18px 0 6px;color:#38465a}.meta{color:#5c6b80;margin:0 0 14px}"
            + ".badge{display:inline-block;border-radius:4px;padding:1px 7px;font-size:12px;font-weight:600;"
            + "margin-left:6px;vertical-align:middle}.low{background:#dff0df}.moderate{background:#ffeeb8}"
            + ".high{background:#f9c9c2}.critical{background:#f2a6c4}.crisis{background:#b0243a;color:#fff}"
            + ".problem{background:#e3e8ef}.figures{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;"
            + "margin:10px 0}.fig{background:#fff;border:1px solid #dfe4ec;border-radius:6px;padding:8px 10px}"
            + ".fig .k{font-size:12px;color:#5c6b80}.fig .v{font-size:18px;font-weight:600}.fig .s{font-size:12px;"
            + "color:#5c6b80}table{border-collapse:collapse;width:100%;font-size:13px;background:#fff}"
            + "th,td{border:1px solid #dfe4ec;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eef1f6}"
            + "td.late{color:#b0243a;font-weight:600}td.ok{color:#1e7b34}.chart{background:#fff;border:1px solid #dfe4ec;"
            + "border-radius:6px;padding:6px}.legend{font-size:12px;color:#38465a;margin:4px 0 0}.legend span{"
            + "margin-right:14px}.sw{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}"
            + "details summary{cursor:pointer;color:#38465a;font-weight:600;margin:12px 0 6px}";

    private PostMortemHtml() {
    }

    /**
     * The page.
     *
     * @param title its title (the brand and period, say)
     * @param all the post-mortems, one section each
     */
    public static String render(String title, List<PostMortem> all) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(all, "all");
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(esc(title)).append("</title>\n<style>")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">Post-mortem of ").append(all.size())
                .append(all.size() == 1 ? " incident" : " incidents")
                .append(", written from the engine's audit trail. Times are UTC.</p>\n");
        if (all.size() > 1) {
            h.append("<table><tr><th>incident</th><th>topic</th><th>highest</th><th>mentions</th><th>time to detect</th>"
                    + "<th>to acknowledge</th><th>to first response</th><th>deadlines missed</th></tr>\n");
            for (PostMortem pm : all) {
                h.append("<tr><td><a href=\"#").append(anchor(pm)).append("\">").append(esc(pm.incident().value()))
                        .append("</a></td><td>").append(esc(pm.topic())).append("</td><td>")
                        .append(badge(pm.highestSeverity())).append("</td><td>").append(pm.mentions())
                        .append("</td><td>").append(duration(pm.timeToDetect())).append("</td><td>")
                        .append(pm.timeToAcknowledge().map(PostMortemHtml::duration).orElse("never")).append("</td><td>")
                        .append(pm.timeToFirstResponse().map(PostMortemHtml::duration).orElse("never"))
                        .append("</td><td>").append(pm.deadlinesMissed().size()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        for (PostMortem pm : all) {
            section(h, pm);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String anchor(PostMortem pm) {
        return "incident-" + pm.incident().value().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static void section(StringBuilder h, PostMortem pm) {
        h.append("<h2 id=\"").append(anchor(pm)).append("\">").append(esc(pm.incident().value())).append(" \u2014 ")
                .append(esc(pm.topic())).append(badge(pm.highestSeverity())).append("<span class=\"badge ")
                .append(pm.crisisAt().isPresent() ? "crisis\">CRISIS" : "problem\">problem").append("</span>")
                .append("<span class=\"badge problem\">").append(esc(pm.state().jsonName())).append("</span></h2>\n");
        h.append("<p class=\"meta\">Brand ").append(esc(pm.brand())).append("; first related mention ")
                .append(TIME.format(pm.firstMentionAt()))
                .append(pm.crisisAt().map(c -> "; a crisis from " + TIME.format(c)).orElse("")).append(".</p>\n");
        Optional<PostMortem.Bucket> peak = pm.peak();
        h.append("<div class=\"figures\">\n");
        fig(h, "time to detect", duration(pm.timeToDetect()), "flagged at " + TIME.format(pm.detectedAt()));
        fig(h, "time to acknowledge", pm.timeToAcknowledge().map(PostMortemHtml::duration).orElse("never"),
                pm.acknowledgedAt().map(a -> "by " + pm.acknowledgedBy().orElse("?") + " at " + SHORT.format(a))
                        .orElse("nobody acknowledged"));
        fig(h, "time to first public response", pm.timeToFirstResponse().map(PostMortemHtml::duration).orElse("never"),
                pm.firstResponseAt().map(a -> "by " + pm.firstResponseBy().orElse("?") + " at " + SHORT.format(a))
                        .orElse("no public reply recorded"));
        fig(h, "deadlines missed", String.valueOf(pm.deadlinesMissed().size()), pm.deadlinesMet() + " met");
        fig(h, "peak volume", peak.map(b -> b.mentions() + (b.mentions() == 1 ? " mention" : " mentions")).orElse("-"),
                peak.map(b -> "in the bucket of " + SHORT.format(b.start())).orElse(""));
        fig(h, "mentions", String.valueOf(pm.mentions()), String.format(Locale.ROOT, "%.0f%% negative",
                pm.negativeShare() * 100));
        fig(h, "reach", String.format(Locale.ROOT, "%,d", pm.reach()), "followers of distinct authors");
        fig(h, "escalations", String.valueOf(pm.escalations().stream().filter(e -> !e.reminder()).count()),
                pm.escalations().stream().filter(PostMortem.Escalation::reminder).count() + " reminders");
        h.append("</div>\n");
        h.append("<div class=\"chart\">\n");
        chart(h, pm);
        h.append("<p class=\"legend\"><span><span class=\"sw\" style=\"background:#5b7db1\"></span>mentions per bucket"
                + "</span><span><span class=\"sw\" style=\"background:#c0392b\"></span>negative share (right axis)</span>"
                + "<span><span class=\"sw\" style=\"background:#7d3c98\"></span>escalation</span><span>"
                + "<span class=\"sw\" style=\"background:#1e7b34\"></span>public response</span><span>"
                + "<span class=\"sw\" style=\"background:#d68910\"></span>acknowledged</span><span>background: severity "
                + "(low, moderate, high, critical)</span></p>\n</div>\n");
        h.append("<h3>What the response changed</h3>\n");
        if (pm.responseEffect().isPresent()) {
            PostMortem.ResponseEffect e = pm.responseEffect().get();
            h.append("<table><tr><th></th><th>before the first public response</th><th>after it</th></tr>\n")
                    .append("<tr><td>mentions</td><td>").append(e.mentionsBefore()).append("</td><td>")
                    .append(e.mentionsAfter()).append("</td></tr>\n<tr><td>mean sentiment (-1 to 1)</td><td>")
                    .append(String.format(Locale.ROOT, "%+.2f", e.sentimentBefore())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%+.2f", e.sentimentAfter())).append("</td></tr>\n")
                    .append("<tr><td>negative share</td><td>").append(pct(e.negativeShareBefore())).append("</td><td>")
                    .append(pct(e.negativeShareAfter())).append("</td></tr>\n</table>\n");
        } else {
            h.append("<p>").append(pm.firstResponseAt().isPresent()
                    ? "No mentions on one side of the first public response: nothing to compare."
                    : "The brand never replied publicly.").append("</p>\n");
        }
        h.append("<h3>Plan steps</h3>\n<table><tr><th>step</th><th>owner</th><th>due</th><th>done</th><th>by</th>"
                + "<th>late</th></tr>\n");
        for (PostMortem.Step s : pm.steps()) {
            h.append("<tr><td>").append(esc(s.kind().jsonName())).append("</td><td>").append(esc(s.owner().name()))
                    .append("</td><td>").append(TIME.format(s.due())).append("</td><td>")
                    .append(s.doneAt().map(TIME::format).orElse("not done")).append("</td><td>")
                    .append(esc(s.doneBy().orElse(""))).append("</td>");
            if (s.late().isPresent()) {
                boolean late = !s.late().get().isZero();
                h.append("<td class=\"").append(late ? "late" : "ok").append("\">")
                        .append(late ? duration(s.late().get()) : "on time").append("</td>");
            } else {
                h.append("<td></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (!pm.escalations().isEmpty()) {
            h.append("<h3>Escalations</h3>\n<table><tr><th>at</th><th>level</th><th>role</th><th>notified</th>"
                    + "<th>why</th></tr>\n");
            for (PostMortem.Escalation e : pm.escalations()) {
                h.append("<tr><td>").append(TIME.format(e.at())).append("</td><td>").append(e.level())
                        .append(e.reminder() ? " (reminder)" : "").append("</td><td>").append(esc(e.role()))
                        .append("</td><td>").append(esc(e.notified())).append("</td><td>").append(esc(e.cause()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!pm.deadlinesMissed().isEmpty()) {
            h.append("<h3>Deadlines missed</h3>\n<table><tr><th>deadline</th><th>due</th><th>noticed</th><th>level</th>"
                    + "</tr>\n");
            for (PostMortem.Deadline d : pm.deadlinesMissed()) {
                h.append("<tr><td>").append(esc(d.kind())).append("</td><td>").append(TIME.format(d.due()))
                        .append("</td><td>").append(TIME.format(d.missedAt())).append("</td><td>").append(d.level())
                        .append(' ').append(esc(d.role())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!pm.publishing().isEmpty()) {
            h.append("<h3>Scheduled content</h3>\n<ul>\n");
            for (AuditRecord r : pm.publishing()) {
                h.append("<li>").append(TIME.format(r.at())).append(": ").append(esc(r.reason())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<details><summary>Audit trail (").append(pm.trail().size()).append(" records)</summary>\n")
                .append("<table><tr><th>at</th><th>what</th><th>who</th><th>why</th></tr>\n");
        for (AuditRecord r : pm.trail()) {
            h.append("<tr><td>").append(TIME.format(r.at())).append("</td><td>").append(esc(r.action().jsonName()))
                    .append("</td><td>").append(esc(r.actor())).append("</td><td>").append(esc(r.reason()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</details>\n");
    }

    private static void fig(StringBuilder h, String key, String value, String sub) {
        h.append("<div class=\"fig\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v\">")
                .append(esc(value)).append("</div><div class=\"s\">").append(esc(sub)).append("</div></div>\n");
    }

    private static String badge(Severity s) {
        return "<span class=\"badge " + s.jsonName() + "\">" + s.jsonName() + "</span>";
    }

    // ---------------------------------------------------------------- the chart

    private static final String[] BAND = {"#eef7ee", "#fff6d9", "#fde3df", "#f9d2e2"};

    /** The SVG chart of one incident. */
    static void chart(StringBuilder h, PostMortem pm) {
        List<PostMortem.Bucket> buckets = pm.buckets();
        Instant t0 = buckets.isEmpty() ? pm.firstMentionAt() : buckets.get(0).start();
        if (pm.firstMentionAt().isBefore(t0)) {
            t0 = pm.firstMentionAt();
        }
        Instant t1 = buckets.isEmpty() ? pm.detectedAt() : buckets.get(buckets.size() - 1).end();
        for (PostMortem.Escalation e : pm.escalations()) {
            t1 = later(t1, e.at());
        }
        t1 = later(t1, pm.firstResponseAt().orElse(t1));
        t1 = later(t1, pm.acknowledgedAt().orElse(t1));
        if (!t1.isAfter(t0)) {
            t1 = t0.plusSeconds(300);
        }
        long peak = pm.peak().map(PostMortem.Bucket::mentions).orElse(0L);
        long max = Math.max(1, peak);
        double pw = WIDTH - LEFT - RIGHT;
        double ph = HEIGHT - TOP - BOTTOM;
        double span = t1.getEpochSecond() - t0.getEpochSecond();
        Instant from = t0;
        java.util.function.ToDoubleFunction<Instant> x = t -> LEFT + pw * (t.getEpochSecond() - from.getEpochSecond())
                / span;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" font-family=\"system-ui,Helvetica,Arial,sans-serif\""
                        + " font-size=\"11\">\n<title>").append(esc(pm.incident().value()))
                .append(": mentions per bucket, negative share, severity and escalations</title>\n");
        // severity bands
        List<PostMortem.SeverityAt> sev = pm.severities();
        for (int i = 0; i < sev.size(); i++) {
            Instant a = later(sev.get(i).at(), t0);
            Instant b = i + 1 < sev.size() ? sev.get(i + 1).at() : t1;
            if (b.isAfter(t1)) {
                b = t1;
            }
            if (!b.isAfter(a)) {
                continue;
            }
            Severity s = sev.get(i).severity();
            h.append("<rect class=\"band band-").append(s.jsonName()).append("\" x=\"").append(f(x.applyAsDouble(a)))
                    .append("\" y=\"").append(TOP).append("\" width=\"")
                    .append(f(Math.max(0.5, x.applyAsDouble(b) - x.applyAsDouble(a)))).append("\" height=\"")
                    .append(f(ph)).append("\" fill=\"").append(BAND[s.ordinal()]).append("\"><title>")
                    .append(s.jsonName()).append(" from ").append(TIME.format(sev.get(i).at())).append("</title></rect>\n");
        }
        // axes and grid
        h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(TOP + ph)).append("\" x2=\"")
                .append(f(LEFT + pw)).append("\" y2=\"").append(f(TOP + ph)).append("\" stroke=\"#6b7788\"/>\n");
        h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(f(TOP + ph)).append("\" stroke=\"#6b7788\"/>\n");
        h.append("<line x1=\"").append(f(LEFT + pw)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                .append(f(LEFT + pw)).append("\" y2=\"").append(f(TOP + ph)).append("\" stroke=\"#6b7788\"/>\n");
        h.append("<text class=\"ymax\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4)
                .append("\" text-anchor=\"end\">").append(peak).append("</text>\n");
        h.append("<text class=\"y0\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(TOP + ph))
                .append("\" text-anchor=\"end\">0</text>\n");
        h.append("<text x=\"").append(LEFT).append("\" y=\"").append(TOP - 8)
                .append("\" fill=\"#5b7db1\">mentions per bucket</text>\n");
        h.append("<text x=\"").append(f(LEFT + pw)).append("\" y=\"").append(TOP - 8)
                .append("\" text-anchor=\"end\" fill=\"#c0392b\">negative share</text>\n");
        h.append("<text x=\"").append(f(LEFT + pw + 6)).append("\" y=\"").append(TOP + 4)
                .append("\" fill=\"#c0392b\">100%</text>\n<text x=\"").append(f(LEFT + pw + 6)).append("\" y=\"")
                .append(f(TOP + ph)).append("\" fill=\"#c0392b\">0%</text>\n");
        for (int i = 0; i <= 4; i++) {
            Instant t = Instant.ofEpochSecond(t0.getEpochSecond() + (long) (span * i / 4));
            h.append("<text class=\"xlabel\" x=\"").append(f(LEFT + pw * i / 4)).append("\" y=\"")
                    .append(f(TOP + ph + 16)).append("\" text-anchor=\"").append(i == 0 ? "start" : i == 4 ? "end"
                            : "middle").append("\">").append(SHORT.format(t)).append("</text>\n");
        }
        // bars
        for (PostMortem.Bucket b : buckets) {
            double bx = x.applyAsDouble(b.start());
            double bw = Math.max(1.0, x.applyAsDouble(b.end()) - bx - 0.4);
            double bh = ph * b.mentions() / max;
            h.append("<rect class=\"bar\" data-mentions=\"").append(b.mentions()).append("\" x=\"").append(f(bx))
                    .append("\" y=\"").append(f(TOP + ph - bh)).append("\" width=\"").append(f(bw)).append("\" height=\"")
                    .append(f(bh)).append("\" fill=\"#5b7db1\"><title>").append(SHORT.format(b.start())).append(": ")
                    .append(b.mentions()).append(" mentions, ").append(pct(b.negativeShare())).append(" negative")
                    .append("</title></rect>\n");
        }
        // negative share
        if (!buckets.isEmpty()) {
            StringBuilder pts = new StringBuilder();
            for (PostMortem.Bucket b : buckets) {
                double cx = (x.applyAsDouble(b.start()) + x.applyAsDouble(b.end())) / 2;
                double cy = TOP + ph * (1 - b.negativeShare());
                pts.append(f(cx)).append(',').append(f(cy)).append(' ');
            }
            h.append("<polyline class=\"negative-share\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1.5\" points=\"")
                    .append(pts.toString().trim()).append("\"/>\n");
            for (PostMortem.Bucket b : buckets) {
                double cx = (x.applyAsDouble(b.start()) + x.applyAsDouble(b.end())) / 2;
                double cy = TOP + ph * (1 - b.negativeShare());
                h.append("<circle class=\"neg\" cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy))
                        .append("\" r=\"1.8\" fill=\"#c0392b\"/>\n");
            }
        }
        // markers
        for (PostMortem.Escalation e : pm.escalations()) {
            marker(h, "escalation", x.applyAsDouble(e.at()), ph, "#7d3c98", (e.reminder() ? "R" : "L") + e.level(),
                    (e.reminder() ? "reminder at level " : "escalated to level ") + e.level() + " " + e.role() + " at "
                            + SHORT.format(e.at()));
        }
        if (pm.acknowledgedAt().isPresent()) {
            marker(h, "ack", x.applyAsDouble(pm.acknowledgedAt().get()), ph, "#d68910", "ack",
                    "acknowledged by " + pm.acknowledgedBy().orElse("?") + " at " + SHORT.format(pm.acknowledgedAt().get()));
        }
        for (AuditRecord r : pm.trail()) {
            if (r.action() == dev.firebreak.audit.AuditAction.PUBLIC_REPLY) {
                marker(h, "response", x.applyAsDouble(r.at()), ph, "#1e7b34", "reply",
                        "public reply by " + r.actor() + " at " + SHORT.format(r.at()));
            }
        }
        h.append("</svg>\n");
    }

    private static void marker(StringBuilder h, String kind, double mx, double ph, String color, String label,
            String title) {
        h.append("<g class=\"marker ").append(kind).append("\"><title>").append(esc(title)).append("</title><line x1=\"")
                .append(f(mx)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(mx)).append("\" y2=\"")
                .append(f(TOP + ph)).append("\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" "
                        + "stroke-dasharray=\"4 3\"/><text x=\"").append(f(mx + 2)).append("\" y=\"")
                .append("escalation".equals(kind) ? TOP + 10 : "ack".equals(kind) ? TOP + 22 : TOP + 34)
                .append("\" fill=\"").append(color).append("\">").append(esc(label)).append("</text></g>\n");
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    /** A duration for people: 45 s, 19 min, 2 h 05 min, 1 d 3 h. */
    static String duration(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + " min";
        }
        long hrs = m / 60;
        if (hrs < 24) {
            return String.format(Locale.ROOT, "%d h %02d min", hrs, m % 60);
        }
        return (hrs / 24) + " d " + (hrs % 24) + " h";
    }

    /** Escapes text for XML content and attribute values; drops characters XML cannot hold. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append('\uFFFD');
                        }
                    } else {
                        b.append(c);
                    }
                    break;
            }
        }
        return b.toString();
    }
}
