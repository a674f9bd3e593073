package dev.firebreak.classify.train;

import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.testkit.MentionClassifierContract;
import org.junit.jupiter.api.Nested;

/** The shared classifier contract, for a polarity model and a complaint model. */
class TrainedModelContractTest {

    @Nested
    class PolarityModel extends MentionClassifierContract {
        @Override
        protected MentionClassifier classifier() {
            return Trainer.create(Task.POLARITY, TrainerConfig.builder().hashBits(16).build())
                    .train(Toy.polarity(30, 31));
        }
    }

    @Nested
    class ComplaintModel extends MentionClassifierContract {
        @Override
        protected MentionClassifier classifier() {
            return Trainer.create(Task.COMPLAINT, TrainerConfig.builder().hashBits(16).build())
                    .train(Toy.complaint(30, 32));
        }
    }
}
