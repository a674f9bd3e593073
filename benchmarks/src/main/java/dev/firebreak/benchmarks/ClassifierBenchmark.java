package dev.firebreak.benchmarks;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.Classification;
import dev.firebreak.classify.CompositeClassifier;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput over realistic mixed-language mentions of 40 to 280 characters, against a
 * {@code baseline} that makes one pass over the same texts lower-casing each character.
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ClassifierBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 *
 * <p>The mentions are generated in {@link #setUp()} from templates written for this benchmark (no
 * development data), with a fixed seed, and read in turn through a mask.
 *
 * <p>On a shared, loaded machine a thread gets only part of a core and JMH's wall-clock throughput
 * says more about the load than about the code. {@link #main(String[])} therefore also measures the
 * same two methods in CPU time of the measuring thread, alternating them so both see the same load:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.firebreak.benchmarks.ClassifierBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifierBenchmark {

    private static final int COUNT = 1024;
    private static final int MASK = COUNT - 1;

    /** The classifier measured: the built-in one, or the same behind a {@link CompositeClassifier}. */
    @Param({"builtin", "composite"})
    public String implementation;

    private MentionClassifier classifier;
    private Mention[] mentions;
    private String[] texts;
    private int next;

    private static final String[] BRANDS = {"@acme", "@AcmeHelp", "@acme_uk", "Acme", "@northwind", "Northwind"};
    private static final String[] EMOJI = {"😡", "😍", "🙄", "👍", "😭", "🔥", "❤️", "🤬", "😂", ""};
    private static final String[] TAGS = {"#fail", "#BoycottAcme", "#customerservice", "#love", "#NotHappy", "#win",
        "#delivery", ""};
    private static final String[] LINKS = {"https://t.co/a8Xk2LmQ", "http://acme.example/help?id=42", ""};

    private static final String[] HINTS = {"en", "fr", "de"};

    private static final String[][] TEMPLATES = {
        // English
        {"{b} my order #{n} still hasn't arrived, it's been {n} days and nobody answers. {e} {t}",
            "Just got my new headphones from {b} and they are sooo good!!! {e}",
            "Why is the {b} app down AGAIN?? Can't log in since this morning. {l}",
            "Great, another delay. Thanks for nothing {b} {e}",
            "{b} charged me twice for the same order, I want a refund now.",
            "Not bad at all, the fix works and support was quick. {t}",
            "The staff at the King St store were rude and ignored me for {n} minutes. Never again. {t}",
            "Is the store on Main Street open on Sunday? {b}",
            "My heater from {b} caught fire last night, this is dangerous. Who approved this product?",
            "love waiting on hold for {n} minutes {e} {b}"},
        // French
        {"{b} livraison en retard de {n} jours et le service client ne répond pas. Pas content du tout {e}",
            "Merci {b}, le colis est arrivé en avance, super service ! {e}",
            "Ce n'est pas bon du tout, le produit est cassé dès la première utilisation. {t}",
            "J'adore la nouvelle collection mais les prix sont trop chers {l}"},
        // German
        {"Die Lieferung ist nicht gut, das Paket war kaputt und niemand antwortet {b} {e}",
            "Super schnelle Lieferung, vielen Dank {b}! {e}",
            "Die App stürzt schon wieder ab, echt nervig. {t} {l}"},
        // Spanish, Italian, Portuguese
        {"El pedido llegó roto y nadie responde. Quiero un reembolso ya {b} {e}",
            "¡Me encanta la nueva colección! Gracias {b} {e}",
            "Il prodotto è ottimo, consegna veloce. Grazie {b}! {e}",
            "Ordine mai arrivato, assistenza inesistente. Vergognoso. {t}",
            "A entrega atrasou de novo, péssimo atendimento. Nunca mais compro aqui {b}",
            "Adorei o produto, chegou rápido e bem embalado! {e}"},
        // Norwegian Bokmål and Nynorsk
        {"Pakken kom aldri fram, og kundeservice svarer ikke. Ikke bra {b} {e}",
            "Veldig fornøyd med kjøpet, rask levering! {e}",
            "Eg er ikkje nøgd med tenesta, dei svarar aldri på e-post {b}"},
        // Chinese, Arabic, Hindi
        {"{b} 快递太慢了，服务很差，不好。{e}",
            "产品质量很好，物流也很快，非常满意！{e}",
            "应用一直崩溃，根本无法登录，客服也不回复。{l}",
            "خدمة العملاء سيئة جدا ولم يصل الطلب حتى الان {b} {e}",
            "yaar {b} ki service bahut bakwas hai, koi jawab nahi deta {e}",
            "यह सेवा बहुत अच्छी है, धन्यवाद {b} {e}"}
    };

    @Setup
    public void setUp() {
        MentionClassifier builtin = BuiltInClassifier.create();
        classifier = implementation.equals("composite")
                ? CompositeClassifier.builder(builtin).build()
                : builtin;
        Random random = new Random(20261121L);
        List<Mention> list = new ArrayList<>(COUNT);
        while (list.size() < COUNT) {
            int g = random.nextInt(TEMPLATES.length);
            String[] group = TEMPLATES[g];
            String text = fill(group[random.nextInt(group.length)], random);
            while (text.length() < 40) {
                text = text + " " + fill(group[random.nextInt(group.length)], random);
            }
            if (text.length() > 280) {
                text = text.substring(0, Character.isHighSurrogate(text.charAt(279)) ? 279 : 280);
            }
            Mention.Builder m = Mention.builder(Platform.TWITTER, Integer.toString(list.size())).text(text);
            if (g < HINTS.length && random.nextBoolean()) {
                m.language(HINTS[g]); // platforms often report a language; the classifier reads it as a hint
            }
            list.add(m.build());
        }
        mentions = list.toArray(new Mention[0]);
        texts = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            texts[i] = mentions[i].text();
        }
    }

    private static String fill(String template, Random random) {
        StringBuilder sb = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                switch (template.charAt(i + 1)) {
                    case 'b': sb.append(BRANDS[random.nextInt(BRANDS.length)]); break;
                    case 'e': sb.append(EMOJI[random.nextInt(EMOJI.length)]); break;
                    case 't': sb.append(TAGS[random.nextInt(TAGS.length)]); break;
                    case 'l': sb.append(LINKS[random.nextInt(LINKS.length)]); break;
                    case 'n': sb.append(1 + random.nextInt(30)); break;
                    default: break;
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    /** One classification of the next mention. */
    @Benchmark
    public Classification classify() {
        return classifier.classify(mentions[next++ & MASK]);
    }

    /**
     * Measures {@link #classify()} and {@link #baseline()} in CPU time of this thread, ten rounds of
     * 500,000 calls each after a warm-up, and prints nanoseconds per call, calls per second of CPU
     * and their ratio.
     *
     * @param args optionally the implementation ({@code builtin} or {@code composite})
     */
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ClassifierBenchmark b = new ClassifierBenchmark();
        b.implementation = args.length > 0 ? args[0] : "builtin";
        b.setUp();
        int n = 500_000;
        long sink = 0;
        for (int round = -3; round < 10; round++) {
            long start = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += b.classify().categories().size();
            }
            long middle = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += b.baseline();
            }
            long end = mx.getCurrentThreadCpuTime();
            if (round >= 0) {
                double classifyNs = (middle - start) / (double) n;
                double baselineNs = (end - middle) / (double) n;
                System.out.printf("round %d: classify %.0f ns (%.2f million/s of CPU), baseline %.0f ns, ratio %.1f%n",
                        round, classifyNs, 1e3 / classifyNs, baselineNs, classifyNs / baselineNs);
            }
        }
        System.out.println(sink == 42 ? "" : "(" + b.implementation + ")");
    }

    /** One pass over the next mention's text, lower-casing each character. */
    @Benchmark
    public int baseline() {
        String s = texts[next++ & MASK];
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + Character.toLowerCase(s.charAt(i));
        }
        return h;
    }
}
