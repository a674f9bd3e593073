package dev.firebreak.classify.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.firebreak.classify.eval.Task;
import dev.firebreak.mention.Mention;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WeightTableTest {

    @Property(tries = 40, seed = "20240501")
    void everyBucketReadsAsInTheFullTableAndOnlyUsedBucketsAreStored(@ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll @IntRange(min = 6, max = 12) int bits, @ForAll @IntRange(min = 0, max = 100) int percentUsed,
            @ForAll long seed) {
        Random r = new Random(seed);
        float[] full = new float[stride << bits];
        int used = 0;
        for (int b = 0; b < 1 << bits; b++) {
            if (r.nextInt(100) < percentUsed) {
                full[b * stride + r.nextInt(stride)] = (float) r.nextGaussian() + 0.01f; // at least one non-zero
                used++;
            }
        }
        WeightTable t = new WeightTable(full, stride, bits);
        assertEquals(used, t.used());
        assertEquals((used + 1) * stride, t.rows().length, "only the used rows are kept, and one zero row");
        for (int b = 0; b < 1 << bits; b++) {
            int o = t.offset(b);
            boolean zero = !WeightTable.nonZero(full, b * stride, stride);
            assertEquals(zero, o == 0, "bucket " + b + ": unused buckets share the zero row, the others have their own");
            for (int k = 0; k < stride; k++) {
                assertEquals(full[b * stride + k], t.rows()[o + k], "bucket " + b + ", value " + k);
            }
        }
        assertArrayEquals(full, t.expand());
        for (int i = 1; i < t.used(); i++) {
            assertEquals(true, t.bucket(i - 1) < t.bucket(i), "rows in bucket order");
        }
    }

    @Test
    void aTableOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WeightTable(new float[100], 4, 10));
    }

    /**
     * A word's character n-grams are summed once and remembered per thread; a long run of other words
     * (that evicts it) must not change what a text scores, to the last bit.
     */
    @Test
    void scoresDoNotDependOnWhatTheModelClassifiedBefore() throws IOException {
        TrainedModel trained = Trainer.create(Task.POLARITY, TrainerConfig.builder().epochs(3).build())
                .train(Toy.polarity(60, 7));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.writeTo(bytes);
        List<Mention> probes = new ArrayList<>();
        Random r = new Random(11);
        for (int i = 0; i < 50; i++) {
            probes.add(Toy.mention("q" + i, Toy.text(r, i % 2 == 0 ? Toy.POSITIVE : Toy.NEGATIVE)));
        }
        List<Map<String, Double>> cold = new ArrayList<>();
        for (Mention m : probes) { // each probe in a fresh model: nothing remembered
            cold.add(TrainedModel.read(new ByteArrayInputStream(bytes.toByteArray())).probabilities(m));
        }
        TrainedModel warm = TrainedModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 40_000; i++) { // more distinct words than the memory has slots
            noise.append(' ').append(Toy.POSITIVE[i % Toy.POSITIVE.length]).append(Integer.toString(i, 36));
            if (i % 20 == 19) {
                warm.probabilities(Toy.mention("n" + i, noise.toString()));
                noise.setLength(0);
            }
        }
        for (int i = 0; i < probes.size(); i++) {
            assertEquals(cold.get(i), warm.probabilities(probes.get(i)), probes.get(i).text());
            assertEquals(cold.get(i), warm.probabilities(probes.get(i)), "again, remembered: " + probes.get(i).text());
        }
        assertEquals(trained.probabilities(probes.get(0)), cold.get(0), "as trained");
    }
}
