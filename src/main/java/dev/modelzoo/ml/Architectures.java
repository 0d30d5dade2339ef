package dev.modelzoo.ml;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The architectures of the zoo's base models. */
public final class Architectures {

    public static final String LENET = "lenet-5 (conv5x5x20, maxpool2, conv5x5x50, maxpool2, dense500, softmax)";
    public static final String AUDIO_CNN = "log-mel CNN (conv3x3x16, maxpool2, conv3x3x32, maxpool2, conv3x3x64,"
            + " maxpool2, dense128, softmax)";
    public static final String TEXT_MLP = "bag-of-ngrams MLP (dense 256 relu, dropout 0.5, softmax)";

    private Architectures() {
    }

    /** LeNet-5 as in the transfer experiment: 431,080 parameters for 28x28x1 and 10 classes. */
    public static MultiLayerNetwork lenet(int channels, int height, int width, int classes, long seed,
            double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(learningRate)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nIn(channels).stride(1, 1).nOut(20)
                        .activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(50).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(height, width, channels))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** A small CNN over log-mel spectrograms {@code [1, frames, bins]} (same-padded convolutions). */
    public static MultiLayerNetwork audioCnn(int frames, int bins, int classes, long seed, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                // Xavier, not He (RELU) init and no dropout: with both, the loss stayed at chance for a whole epoch
                // of the corpus; on a 20-word probe Xavier reached 0.60 held-out where He + dropout reached 0.39,
                // and batch normalisation overfitted (0.50)
                .seed(seed).updater(new Adam(learningRate)).weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(frames, bins, 1))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** A text classifier over a bag of hashed n-grams of {@code vocabularySize} buckets. */
    public static MultiLayerNetwork textMlp(int vocabularySize, int classes, long seed, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(learningRate)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(vocabularySize).nOut(256).activation(Activation.RELU).build())
                // short texts over thousands of buckets overfit quickly; dropout is the cheapest remedy
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .nIn(256).nOut(classes).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
