package dev.firebreak.classify.train;

import dev.firebreak.classify.BuiltInClassifier;
import dev.firebreak.classify.CompositeClassifier;
import dev.firebreak.classify.MentionClassifier;
import dev.firebreak.classify.eval.Task;
import dev.firebreak.testkit.MentionClassifierContract;
import org.junit.jupiter.api.Nested;

/**
 * The shared classifier contract, for a polarity model and a complaint model, and for both combined
 * with the built-in classifier as {@code firebreak classify --model} combines them.
 */
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

    @Nested
    class PolarityModelWithBuiltInFeaturesInAComposite extends MentionClassifierContract {
        @Override
        protected MentionClassifier classifier() {
            BuiltInClassifier builtIn = BuiltInClassifier.create();
            TrainedModel model = Trainer.create(Task.POLARITY, TrainerConfig.builder().hashBits(16)
                    .featuresFrom("builtin", builtIn).build()).train(Toy.polarity(30, 33));
            return CompositeClassifier.builder(builtIn).sentimentFrom(model).build();
        }
    }

    @Nested
    class ComplaintModelWithBuiltInFeatures extends MentionClassifierContract {
        @Override
        protected MentionClassifier classifier() {
            return Trainer.create(Task.COMPLAINT, TrainerConfig.builder().hashBits(16)
                    .featuresFrom("builtin", BuiltInClassifier.create()).build()).train(Toy.complaint(30, 34));
        }
    }
}
