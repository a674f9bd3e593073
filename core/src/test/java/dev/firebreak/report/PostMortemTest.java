package dev.firebreak.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.audit.AuditAction;
import dev.firebreak.audit.AuditRecord;
import dev.firebreak.classify.Category;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.Language;
import dev.firebreak.classify.Polarity;
import dev.firebreak.engine.Brand;
import dev.firebreak.engine.CrisisEngine;
import dev.firebreak.engine.IncidentDetails;
import dev.firebreak.engine.TimelineBucket;
import dev.firebreak.incident.Incident;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKind;
import dev.firebreak.mention.Platform;
import dev.firebreak.plan.StepKind;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A storm of complaints the brand answers late: the post-mortem's figures, and its HTML parsed as XML with a
 * chart that shows the incident's real numbers (taken from the engine's own timeline, not the report).
 */
class PostMortemTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SVG = "http://www.w3.org/2000/svg";

    static final class StepClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static IncidentDetails details;
    private static List<AuditRecord> trail;
    private static PostMortem pm;

    @BeforeAll
    static void storm() {
        StepClock clock = new StepClock();
        CrisisEngine engine = CrisisEngine.builder().clock(clock)
                .classifier(m -> m.text().startsWith("thanks") ? new Classification(Language.ENGLISH, 0.9, 0.3,
                        Polarity.NEUTRAL, 0.8, true, List.of(Category.BILLING), List.of())
                        : new Classification(Language.ENGLISH, 0.9, -0.7, Polarity.NEGATIVE, 0.9, true,
                        List.of(Category.BILLING), List.of()))
                .brand(Brand.builder("kestrel").keywords("kestrel").ownedAccount(Platform.TWITTER, "kestrelcoffee")
                        .build())
                .build();
        int id = 0;
        int[] perBucket = {1, 3, 9, 14, 6, 2, 0, 4};
        for (int b = 0; b < perBucket.length; b++) {
            for (int i = 0; i < perBucket[b]; i++) {
                clock.now = T0.plus(Duration.ofMinutes(5L * b)).plusSeconds(10 + i * 15L);
                String text = b >= 6 && i % 2 == 0 ? "thanks kestrel, still waiting for the refund" : "kestrel charged me twice";
                engine.ingest(Mention.builder(Platform.TWITTER, "m" + id++).author(Author.of("a" + id, "user" + id, 900))
                        .text(text).createdAt(clock.now).build());
            }
            if (b == 4) {
                Incident inc = engine.incidents().get(0);
                clock.now = clock.now.plusSeconds(5);
                engine.ingest(Mention.builder(Platform.TWITTER, "r1").author(Author.of("b1", "kestrelcoffee", 5000))
                        .text("kestrel here: so sorry, refunds are on the way").kind(MentionKind.REPLY)
                        .inReplyTo("m0").ownedAccount(true).createdAt(clock.now).build());
                engine.completeStep(inc.id(), StepKind.ACKNOWLEDGE, "maria");
            }
            clock.now = T0.plus(Duration.ofMinutes(5L * (b + 1)));
            engine.tick(clock.now);
        }
        Incident inc = engine.incidents().get(0);
        details = engine.details(inc.id()).orElseThrow();
        trail = engine.auditTrail(inc.id());
        pm = PostMortem.of(details, trail);
    }

    @Test
    void theFiguresComeFromTheAuditTrail() {
        assertEquals(details.incident().mentions(), pm.buckets().stream().mapToLong(PostMortem.Bucket::mentions).sum(),
                "every attached mention is in a bucket");
        assertEquals(14, pm.peak().orElseThrow().mentions());
        assertEquals(T0.plus(Duration.ofMinutes(15)), pm.peak().orElseThrow().start());
        assertEquals(Duration.ZERO, pm.timeToDetect(), "the first complaint opened it");
        assertEquals(T0.plus(Duration.ofMinutes(20)).plusSeconds(90), pm.firstResponseAt().orElseThrow());
        assertEquals("kestrelcoffee", pm.firstResponseBy().orElseThrow());
        assertTrue(pm.trail().stream().anyMatch(r -> r.action() == AuditAction.STEP_DONE && r.actor().equals("maria")));
        PostMortem.Step ack = pm.steps().stream().filter(s -> s.kind() == StepKind.ACKNOWLEDGE).findFirst().orElseThrow();
        assertTrue(ack.late().orElseThrow().compareTo(Duration.ZERO) >= 0);
        PostMortem.ResponseEffect effect = pm.responseEffect().orElseThrow();
        assertTrue(effect.sentimentAfter() > effect.sentimentBefore(), "thanks came after the reply: " + effect);
        assertTrue(effect.negativeShareAfter() < effect.negativeShareBefore(), effect.toString());
        ObjectNode json = PostMortemJson.toNode(pm);
        assertEquals(14, json.get("peak").get("mentions").asLong());
        assertEquals(pm.buckets().size(), json.get("buckets").size());
        assertEquals(trail.size(), json.get("trail").size());
    }

    @Test
    void theHtmlIsWellFormedSelfContainedAndItsChartShowsTheRealNumbers() throws Exception {
        String html = PostMortemHtml.render("Kestrel <test> & \"storm\"", List.of(pm));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder db = f.newDocumentBuilder();
        Document doc = db.parse(new InputSource(new StringReader(html)));
        assertEquals("html", doc.getDocumentElement().getLocalName());
        for (String tag : new String[] {"script", "link", "img", "iframe", "object"}) {
            assertEquals(0, doc.getElementsByTagNameNS("*", tag).getLength(), "no " + tag);
        }
        assertTrue(!html.contains("src=") && !html.contains("url(") && !html.contains("@import"), "nothing external");
        NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
        assertEquals(1, svgs.getLength());
        Element svg = (Element) svgs.item(0);

        long[] truth = details.timeline().stream().mapToLong(TimelineBucket::mentions).filter(n -> n > 0).toArray();
        int bars = 0;
        long sum = 0;
        NodeList rects = svg.getElementsByTagNameNS(SVG, "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("bar")) {
                assertEquals(truth[bars], Long.parseLong(r.getAttribute("data-mentions")), "bar " + bars);
                bars++;
                sum += Long.parseLong(r.getAttribute("data-mentions"));
            }
        }
        assertEquals(truth.length, bars, "one bar per bucket with mentions");
        assertEquals(details.incident().mentions(), sum);
        long peak = java.util.Arrays.stream(truth).max().orElseThrow();
        String ymax = null;
        NodeList texts = svg.getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals("ymax")) {
                ymax = t.getTextContent();
            }
        }
        assertEquals(String.valueOf(peak), ymax, "the axis tops at the peak");
        int circles = svg.getElementsByTagNameNS(SVG, "circle").getLength();
        assertEquals(truth.length, circles, "one negative-share point per bucket");
        int responses = 0;
        NodeList groups = svg.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            if (((Element) groups.item(i)).getAttribute("class").equals("marker response")) {
                responses++;
            }
        }
        assertEquals(1, responses, "the brand's reply is marked");
        assertTrue(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent().contains("<test> & \"storm\""));
    }
}
